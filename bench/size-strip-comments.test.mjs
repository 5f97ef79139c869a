// The post-build hook that takes comments and indentation out of dist/'s JavaScript
// (www/strip-comments.mjs): it must keep every line of code and refuse what it cannot strip safely.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripComments } from '../www/strip-comments.mjs';

test('drops_doc_comments_comment_lines_and_indentation', () => {
  const source = '/**\n * Analyses `text`.\n */\nexport function f(a) {\n    // why\n    return a + 1; // kept\n}\n';
  assert.equal(stripComments(source), 'export function f(a) {\nreturn a + 1; // kept\n}\n');
});

test('keeps_one_line_template_literals_and_urls_in_strings', () => {
  const source = '  const a = `x ${b} // not a comment`;\n  const u = "http://example.com/*";\n';
  assert.equal(stripComments(source), 'const a = `x ${b} // not a comment`;\nconst u = "http://example.com/*";\n');
});

test('refuses_a_template_literal_that_spans_lines', () => {
  assert.equal(stripComments('const a = `first\n  // second\n`;\n'), null);
});

test('refuses_code_after_a_block_comment_on_its_line', () => {
  assert.equal(stripComments('/* a */ const b = 1;\n'), null);
  assert.equal(stripComments('/*\n a */ const b = 1;\n'), null);
  // A line that ends with a second comment still holds code between the two.
  assert.equal(stripComments('/* a */ foo(); /* b */\nbar();\n'), null);
  assert.equal(stripComments('/*\n a */ foo(); /* b */\nbar();\n'), null);
});

test('refuses_a_block_comment_left_open', () => {
  assert.equal(stripComments('const b = 1;\n/* never closed\n'), null);
});
