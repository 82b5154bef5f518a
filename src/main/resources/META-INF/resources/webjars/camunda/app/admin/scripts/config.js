// Recouvra: French for browsers asking French, English otherwise (docs/operations.md, "Languages of the webapps").
// Replaces the webjar's config.js, which sets nothing else.
export default {
  locales: {
    availableLocales: ['en', 'fr'],
    fallbackLocale: 'en'
  }
};
