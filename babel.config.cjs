// Tests run through babel-jest: TypeScript and the ESM-only dependencies become CommonJS.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    '@babel/preset-typescript',
  ],
  plugins: [importMetaUrl],
};

// `import.meta.url` has no meaning in CommonJS: the file's own URL stands for it there (the product's modules use it
// to `require` heavy CommonJS packages on first use; src/plan/shell-syntax.ts).
function importMetaUrl({ types: t }) {
  return {
    visitor: {
      MetaProperty(path) {
        const parent = path.parentPath;
        if (!parent.isMemberExpression() || !t.isIdentifier(parent.node.property, { name: 'url' })) return;
        parent.replaceWith(
          t.memberExpression(
            t.callExpression(t.memberExpression(t.callExpression(t.identifier('require'), [t.stringLiteral('node:url')]), t.identifier('pathToFileURL')), [t.identifier('__filename')]),
            t.identifier('href'),
          ),
        );
      },
    },
  };
}
