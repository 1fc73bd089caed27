import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './inline-scripts.js';

describe('inlineScriptHashes', () => {
  it('hashes each inline script as a browser does, and only those', () => {
    // The example of the CSP specification: this script's source is 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='.
    const html = [
      '<html><head>',
      "<script>alert('Hello, world.');</script>",
      '<script src="/app/js/app.js"></script>',
      '<script type="module" src="x.js"> </script>',
      '<script>\r\n  var a = 1;\r\n</script>',
      '</head></html>',
    ].join('\n');
    const lf = inlineScriptHashes('<script>\n  var a = 1;\n</script>');
    expect(inlineScriptHashes(html)).toEqual(["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='", ...lf]);
  });
});
