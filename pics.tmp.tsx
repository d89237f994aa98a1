import { render } from 'preact-render-to-string';
import { writeFileSync } from 'node:fs';
import { PICTURES, Picture, type PictureName } from './src/web/learn/pictures.js';
const names = Object.keys(PICTURES) as PictureName[];
const body = names.map((n) => render(<div style="width:340px;display:inline-block;border:1px solid #ccc;margin:4px"><Picture name={n} lang="nl" alt={n} id={n} /></div>)).join('');
writeFileSync('/tmp/pics.html', `<html><body style="font-family:sans-serif;width:1100px">${body}</body></html>`);
