/**
 * Direction marks and invisible characters, as the body of a regex character class: they make one
 * text read as another ("Acme" with a right-to-left override, a zero-width space). The name rules
 * refuse them, what comes from Vonage is cleaned of them, and the CLI writes them out.
 */
export const invisibleMarks = '\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF';
