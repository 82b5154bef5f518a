// Recouvra: French for browsers asking French, English otherwise (docs/operations.md, "Languages of the webapps").
// Replaces the webjar's config.js, whose only setting, the keyboard shortcuts, is kept as it was.
export default {
  // form-js's own validation messages in French for the same users (docs/forms.md)
  customScripts: ['scripts/form-messages'],
  locales: {
    availableLocales: ['en', 'fr'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
