// Recouvra: form-js's own messages in French for the users Tasklist speaks French to (docs/forms.md, "Form-js's
// own messages"). Form-js 1.x, which Tasklist 7.24 ships, writes its validation messages as fixed English strings,
// outside any translation service, and Tasklist creates the form without a way to add one; so the messages are
// rewritten where they are shown, each time form-js shows one. Loaded by config.js (customScripts).
const FRENCH = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
  [/^Field must have minimum value of (.+)\.$/, (min) => `La valeur doit être au moins ${min}.`],
  [/^Field must have maximum value of (.+)\.$/, (max) => `La valeur doit être au plus ${max}.`],
  [/^Field must have minimum length of (.+)\.$/, (min) => `Saisissez au moins ${min} caractères.`],
  [/^Field must have maximum length of (.+)\.$/, (max) => `Saisissez au plus ${max} caractères.`],
  [/^Field must match pattern .+\.$/, () => "La saisie n'a pas le format attendu."],
  [/^Field must be a valid email\.$/, () => 'Saisissez une adresse e-mail valide.'],
  [/^Field must be a valid +international phone number\..*$/, () => 'Saisissez un numéro de téléphone international (par exemple +33123456789).'],
  [/^Value is expected to be an integer\.$/, () => 'La valeur doit être un nombre entier.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (n) => `La valeur doit avoir au plus ${n} décimale${n > 1 ? 's' : ''}.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (low, high) => `Choisissez une valeur valide : les deux plus proches sont ${low} et ${high}.`],
  [/^Nothing to show\.$/, () => 'Rien à afficher.']
];

/** Tasklist's own choice (config.js locales, docs/operations.md): the browser's first language, French or not. */
function speaksFrench() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.slice(0, 2).toLowerCase() === 'fr';
}

function translate(text) {
  const message = text.nodeValue.trim();
  for (const [english, french] of FRENCH) {
    const match = english.exec(message);
    if (match) {
      text.nodeValue = french(...match.slice(1));
      return;
    }
  }
}

function translateUnder(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.parentElement && node.parentElement.closest('.fjs-form-field-error, .fjs-table-body, .fjs-table-inner-container')) {
      translate(node);
    }
    return;
  }
  if (node.nodeType === Node.ELEMENT_NODE) {
    const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      translateUnder(text);
    }
  }
}

if (speaksFrench()) {
  new MutationObserver((changes) => changes.forEach((change) => {
    if (change.type === 'characterData') {
      translateUnder(change.target);
    } else {
      change.addedNodes.forEach(translateUnder);
    }
  })).observe(document.documentElement, {childList: true, characterData: true, subtree: true});
}
