// Layer tools (explain): `ciliumlab trace`, and the text form of an explanation.
export { ciliumlabTrace } from './ciliumlab-trace.js';
export { explanationText } from './explain-text.js';
