// Tests run through babel-jest: TypeScript and the ESM-only dependencies become CommonJS.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    '@babel/preset-typescript',
  ],
};
