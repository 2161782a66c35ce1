import { blockOutputSyntax, blockSyntax, parseAttributes } from './attributes.js';

describe('shortcode attributes', () => {
  test('positional values give the syntax and the output syntax', () => {
    const attributes = parseAttributes(' bash json ');
    expect(attributes).toEqual({ positional: ['bash', 'json'], named: {} });
    expect(blockSyntax(attributes)).toBe('bash');
    expect(blockOutputSyntax(attributes)).toBe('json');
  });

  test('named values, quoted or not, are kept, and `syntax=`/`outputis=` win', () => {
    const attributes = parseAttributes(' syntax="bash" outputis=yaml snip_id=install_crds downloadas="my file.sh" expandlinks=false other=x ');
    expect(attributes.named).toEqual({ syntax: 'bash', outputis: 'yaml', snip_id: 'install_crds', downloadas: 'my file.sh', expandlinks: 'false', other: 'x' });
    expect(blockSyntax(attributes)).toBe('bash');
    expect(blockOutputSyntax(attributes)).toBe('yaml');
  });

  test('a block without attributes is plain', () => {
    expect(blockSyntax(parseAttributes(''))).toBe('plain');
  });
});
