/** Stylelint's standard rules, with the class names this project writes: BEM in kebab case. */
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$',
      { message: (name) => `Class "${name}" is not block__element--modifier in kebab case.` },
    ],
  },
};
