// istio-doctest's version, as package.json says (a test fails when the two disagree; a release bumps both).
export const VERSION = '0.2.0';
