// Run by the Functions project's BuildApiDocsPage target after `redocly build-docs --inlineBundle`.
// Redoc's light theme writes links (#1f7cff on #fbfbfc, 3.8:1), the search box's placeholder (#9b9ca8, 2.7:1), the method
// badges (GET #25b869 2.6:1, PUT #f5901d 2.4:1, PATCH, DELETE) and strings in samples (#3072db, 4.4:1) below WCAG AA's
// 4.5:1: a stylesheet sets darker ones
// (axe checks the page in tests/Prescriptions.Browser.Tests).
// Redoc's sidebar attribution loads its logo from cdn.redoc.ly even in an inlined page; the docs page loads nothing
// from elsewhere (the CSP would refuse it and the browser log it), so the logo becomes an inline SVG. Fails the build
// when the page refers to any other CDN asset, so a Redocly upgrade that adds one is noticed.
import { readFileSync, writeFileSync } from 'node:fs';

const [page] = process.argv.slice(2);
const logo = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='72' height='16' viewBox='0 0 72 16'%3E"
  + "%3Ctext x='0' y='13' font-family='sans-serif' font-size='13' fill='%23222'%3ERedocly%3C/text%3E%3C/svg%3E";
let html = readFileSync(page, 'utf8');
for (const asset of ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg']) {
  if (!html.includes(asset)) {
    console.error(`inline-docs-assets: ${asset} is no longer in the page; review this script for the Redocly version in use.`);
    process.exit(1);
  }
  html = html.split(asset).join(logo);
}
const remaining = html.match(/https:\/\/cdn\.redoc(ly)?\.(ly|com)\/[^`"'\s)]*\.(svg|png|js|css|woff2?)/g);
if (remaining) {
  console.error(`inline-docs-assets: the page still loads ${[...new Set(remaining)].join(', ')} from a CDN.`);
  process.exit(1);
}
const contrast = '<style>:root{--link-color-primary:#0b57d0;--search-trigger-color:#555764;--input-content-placeholder-color:#555764;'
  + '--code-block-tokens-string-color:#2558b8;--code-block-tokens-property-string-color:#2558b8}'
  + ':root:root .tag-get,:root:root .tag-query{--tag-color:#137a43}:root:root .tag-delete{--tag-color:#b8083a}'
  + ':root:root .tag-put{--tag-color:#a0520a}:root:root .tag-patch{--tag-color:#7d6300}:root:root .tag-head{--tag-color:#5346b8}</style>';
if (!html.includes('</head>')) {
  console.error('inline-docs-assets: the page has no </head>.');
  process.exit(1);
}
html = html.replace('</head>', `${contrast}</head>`);
writeFileSync(page, html);
