// Hostile text for the browser tests: XSS vectors written for this suite, each in three settings
// (bare, inside a news sentence with figures and a quotation so that findings and cards carry it,
// and split across lines). Every vector that could run calls `__hit(n)` (or alert / a
// `javascript:` URL with it): `armHits()` defines `__hit` in the page before its scripts, so a
// payload that ever executes leaves its number in `window.__xssHits`.

const js = (n) => `__hit(${n})`;

/** Vectors: each a function of the code to run (`c`) and its number (`n`). */
const VECTORS = [
  // script elements
  (c) => `<script>${c}</script>`,
  (c) => `<ScRiPt>${c}</sCrIpT>`,
  (c) => `<script type="module">${c}</script>`,
  (c) => `<script src="data:text/javascript,${c}"></script>`,
  (c) => `<scr<script>ipt>${c}</scr</script>ipt>`,
  (c) => `<<script>${c};//<</script>`,
  (c) => `"><script>${c}</script>`,
  (c) => `</textarea><script>${c}</script>`,
  (c) => `</title></style></noscript><script>${c}</script>`,
  (c) => `<!--<img src="--><img src=x onerror=${c}//">`,
  // event-handler attributes
  (c) => `<img src=x onerror="${c}">`,
  (c) => `<img/src=x/onerror=${c}>`,
  (c) => `'><img src=x onerror=${c}>`,
  (c) => `<img srcset="x 1x" onerror="${c}">`,
  (c) => `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  (c) => `<body onload="${c}">`,
  (c) => `<body/onpageshow=${c}>`,
  (c) => `<details open ontoggle="${c}">`,
  (c) => `<input autofocus onfocus="${c}">`,
  (c) => `<x contenteditable onfocus=${c} autofocus>`,
  (c) => `<video><source onerror="${c}"></video>`,
  (c) => `<audio src=x onerror=${c}>`,
  (c) => `<marquee onstart="${c}">`,
  (c) => `<div onmouseover="${c}">hover the 5 boats</div>`,
  (c) => `<style onload=${c}></style>`,
  (c) => `<frameset onload=${c}>`,
  (c) => `<img src=x onerror=&#x61;lert(1)>`,
  (c) => `<img src=x onerror="${c}"`, // never closed
  // javascript: URLs
  (c) => `javascript:${c}`,
  (c) => `<a href="javascript:${c}">click</a>`,
  (c) => `<a href="&#106;avascript:${c}">click</a>`,
  (c) => `<a href="jav&#x09;ascript:${c}">click</a>`,
  (c) => `<iframe src="javascript:${c}"></iframe>`,
  (c) => `<object data="javascript:${c}"></object>`,
  (c) => `<embed src="javascript:${c}">`,
  (c) => `<form action="javascript:${c}"><button>go</button></form>`,
  (c) => `<base href="javascript:${c}//">`,
  (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`,
  (c) => `<table background="javascript:${c}">`,
  (c) => `data:text/html,<script>${c}</script>`,
  // SVG and MathML
  (c) => `<svg onload="${c}">`,
  (c) => `<svg/onload=${c}>`,
  (c) => `<svg><script>${c}</script></svg>`,
  (c) => `<svg><animate onbegin="${c}" attributeName="x" dur="1s">`,
  (c) => `<svg><a xlink:href="javascript:${c}"><text x="20" y="20">X</text></a></svg>`,
  (c) => `<svg><foreignObject><iframe srcdoc="&lt;script&gt;parent.${c}&lt;/script&gt;"></iframe></foreignObject></svg>`,
  (c) => `<math><mtext><table><mglyph><style><img src=x onerror="${c}">`,
  (c) => `<math href="javascript:${c}">CLICK</math>`,
  // iframes and srcdoc
  (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`,
  (c) => `<iframe srcdoc="&lt;img src=x onerror=parent.${c}&gt;"></iframe>`,
  // HTML entities and escapes that must stay as typed
  (c) => `&lt;script&gt;${c}&lt;/script&gt;`,
  (c) => `&#60;img src=x onerror=&#34;${c}&#34;&#62;`,
  (c) => `\\x3cscript\\x3e${c}\\x3c/script\\x3e`,
  (c) => `\\u003cimg src=x onerror=${c}\\u003e`,
  (c) => `%3Cscript%3E${c}%3C%2Fscript%3E`,
  (c) => `&amp;lt;b&amp;gt; &nbsp; &copy; &#x1F600;`,
  // template injection
  (c) => `{{constructor.constructor('${c}')()}}`,
  (c) => `\${${c}}`,
  (c) => `<%= ${c} %>`,
  (c) => `#{${c}}`,
  (c) => `{{#with "s" as |string|}}{{${c}}}{{/with}}`,
  (c) => `[[${c}]] {${c}} $\{7*7} {{7*7}}`,
  // CSS injection
  (c) => `<style>@import 'javascript:${c}';</style>`,
  (c) => `<style>*{background:url("http://127.0.0.9/leak")}</style>`,
  (c) => `<div style="background:url(javascript:${c})">`,
  (c) => `<img src="x" style="x:expression(${c})">`,
  (c) => `<link rel=stylesheet href="javascript:${c}">`,
  (c) => `</style><style>body{display:none}</style>`,
  // broken and nested markup
  (c) => `<template><img src=x onerror=${c}></template>`,
  (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`,
  (c) => `<xmp><img src=x onerror=${c}></xmp>`,
  (c) => `<![CDATA[<script>${c}</script>]]>`,
  (c) => `<?xml version="1.0"?><script>${c}</script>`,
  (c) => `<div><p><b><i>unclosed <img src=x onerror=${c}`,
  // unicode tricks
  (c) => `＜script＞${c}＜/script＞`,
  (c) => `<scr\u200Bipt>${c}</scr\u200Bipt>`,
  (c) => `\u202E<script>${c}</script>\u202C`,
  (c) => `\u2028<script>${c}</script>\u2029`,
  (c) => `\uFEFF<img src=x onerror=${c}>`,
  (c) => `<img src=x onerror=${c}> 👩‍👩‍👧 東京 café e\u0301 “quoted”`,
];

/** The payloads: every vector bare, in a sentence with figures and a quote, and across lines. */
export function payloads() {
  const out = [];
  VECTORS.forEach((vector, i) => {
    const bare = vector(js(i * 3), i * 3);
    out.push(bare);
    const inner = vector(js(i * 3 + 1), i * 3 + 1);
    out.push(`Officials said 12 boats ${inner} left the port. “${inner} 40 people were hurt”, Mayor Ana Ruiz said.`);
    if (i % 2 === 0) out.push(`${vector(js(i * 3 + 2), i * 3 + 2)}\nA second line with 7 km.`);
  });
  return out;
}

/** Run in the page before its scripts: records every payload that executes, and every dialog. */
export function armHits() {
  window.__xssHits = [];
  window.__hit = (n) => window.__xssHits.push(n);
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** Elements a payload could bring into the page if it were ever parsed as HTML. */
export const DANGEROUS =
  'script:not([src]), iframe, object, embed, img, svg, math, video, audio, source, details, marquee, base, ' +
  'meta[http-equiv], form, frameset, template, xmp, noscript, [onerror], [onload], [onfocus], [onmouseover], ' +
  '[style*="url("], a[href^="javascript"], link[href^="javascript"]';
