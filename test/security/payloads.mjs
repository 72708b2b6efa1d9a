// Hostile strings for the security suite. Every executable payload calls `__xss(ID)` (or alert/confirm/prompt,
// which the trap also records); `ID` is replaced per stored field so a hit names the field and the payload.
// Some payloads only try to *load* something (CSS url(), <img src>, <link>): those point at BEACON, a URL the
// suite watches, so HTML/CSS injection is caught even where nothing can execute.
//
// Categories: script, handler, svg, mathml, mxss, url, css, template, unicode, long.

const BEACON = 'http://127.0.0.1:9/beacon/ID';

/** @typedef {{ n: number, category: string, text: string }} Payload */

const script = [
  '<script>__xss(ID)</script>',
  '<SCRIPT>__xss(ID)</SCRIPT>',
  '<ScRiPt>__xss(ID)</sCrIpT>',
  '<script src="data:text/javascript,__xss(ID)"></script>',
  '<script>/*</script><script>*/__xss(ID)</script>',
  '<script\x20type="text/javascript">__xss(ID)</script>',
  '<script\x0Dtype="module">__xss(ID)</script>',
  '<<script>__xss(ID);//<</script>',
  '<script>__xss`ID`</script>',
  '<scr<script>ipt>__xss(ID)</scr</script>ipt>',
  '</script><script>__xss(ID)</script>',
  '<script>setTimeout("__xss(ID)")</script>',
  '<script>eval("__xss(ID)")</script>',
  '<script>Function("__xss(ID)")()</script>',
  '<script>[].constructor.constructor("__xss(ID)")()</script>',
  '<script>import("data:text/javascript,__xss(ID)")</script>',
  '<script >__xss(ID)</script >',
  '<script/src=data:,__xss(ID)></script>',
  '<template><script>__xss(ID)</script></template>',
  '<script>alert(ID)</script>',
];

const handler = [
  '<img src=x onerror=__xss(ID)>',
  '<img src="x" onerror="__xss(ID)">',
  "<img src='x' onerror='__xss(ID)'>",
  '<img src=x oNeRrOr=__xss(ID)>',
  '<img/src=x/onerror=__xss(ID)>',
  '<img src=x onerror=\t__xss(ID)>',
  '<img src=x onerror="javascript:__xss(ID)">',
  '<img src=x:x onerror=eval("__"+"xss(ID)")>',
  '<body onload=__xss(ID)>',
  '<body onpageshow=__xss(ID)>',
  '<iframe onload=__xss(ID)></iframe>',
  '<iframe src="javascript:parent.__xss(ID)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(ID)</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__xss(ID)&gt;"></iframe>',
  '<input autofocus onfocus=__xss(ID)>',
  '<textarea autofocus onfocus=__xss(ID)></textarea>',
  '<select autofocus onfocus=__xss(ID)></select>',
  '<details open ontoggle=__xss(ID)>',
  '<video><source onerror=__xss(ID)></video>',
  '<audio src=x onerror=__xss(ID)></audio>',
  '<video src=x onerror=__xss(ID)></video>',
  '<object data="javascript:__xss(ID)"></object>',
  '<embed src="javascript:__xss(ID)">',
  '<marquee onstart=__xss(ID)>x</marquee>',
  '<div onmouseover=__xss(ID) style="position:fixed;inset:0">x</div>',
  '<a onfocus=__xss(ID) autofocus href=#>x</a>',
  '<button autofocus onfocusin=__xss(ID)>x</button>',
  '<form><button formaction=javascript:__xss(ID)>x</button></form>',
  '<isindex type=image src=1 onerror=__xss(ID)>',
  '<image src=x onerror=__xss(ID)>',
  '<img src=x onerror=alert(ID)>',
  '<img src=x onerror=confirm(ID)>',
  '<img src=x onerror=prompt(ID)>',
  '<img src=x onerror=window["__x"+"ss"](ID)>',
  '<img src=x onerror=top.__xss(ID)>',
  '<img src=x onerror=this.ownerDocument.defaultView.__xss(ID)>',
  '<img src=x onerror=&#95;&#95;xss(ID)>',
  '<img src=x onerror=\\u005f_xss(ID)>',
  '"><img src=x onerror=__xss(ID)>',
  "'><img src=x onerror=__xss(ID)>",
  '" onmouseover="__xss(ID)" x="',
  "' onfocus='__xss(ID)' autofocus='",
  '" autofocus onfocus="__xss(ID)',
  '</textarea><img src=x onerror=__xss(ID)>',
  '</title><img src=x onerror=__xss(ID)>',
  '--><img src=x onerror=__xss(ID)>',
  ']]><img src=x onerror=__xss(ID)>',
  '</option></select><img src=x onerror=__xss(ID)>',
  '<div popover id=p ontoggle=__xss(ID)></div>',
  '<style onload=__xss(ID)></style>',
  '<link rel=preload href=x onerror=__xss(ID)>',
  '<body onhashchange=__xss(ID)>',
  '<xss onanimationstart=__xss(ID) style="animation-name:x"></xss>',
  '<keygen autofocus onfocus=__xss(ID)>',
];

const svg = [
  '<svg onload=__xss(ID)>',
  '<svg/onload=__xss(ID)>',
  '<svg><script>__xss(ID)</script></svg>',
  '<svg><script href="data:,__xss(ID)"/></svg>',
  '<svg><script xlink:href="data:,__xss(ID)"></script></svg>',
  '<svg><animate onbegin=__xss(ID) attributeName=x dur=1s>',
  '<svg><set onbegin=__xss(ID) attributename=x to=y>',
  '<svg><a xlink:href="javascript:__xss(ID)"><text x=20 y=20>click</text></a></svg>',
  '<svg><a href="javascript:__xss(ID)"><text x=20 y=20>click</text></a></svg>',
  '<svg><use href="data:image/svg+xml,&lt;svg id=x xmlns=http://www.w3.org/2000/svg&gt;&lt;image href=1 onerror=__xss(ID) /&gt;&lt;/svg&gt;#x"/></svg>',
  '<svg><foreignObject><img src=x onerror=__xss(ID)></foreignObject></svg>',
  '<svg><image href=x onerror=__xss(ID)></svg>',
  '<svg><animate attributeName=href values=javascript:__xss(ID) /><a id=x><text x=20 y=20>x</text></a></svg>',
  '<svg><discard onbegin=__xss(ID)>',
  '<svg><style><img src=x onerror=__xss(ID)></style></svg>',
  '<svg><title><img src=x onerror=__xss(ID)></title></svg>',
  '<svg><desc><![CDATA[</desc><img src=x onerror=__xss(ID)>]]></svg>',
  '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">__xss(ID)</handler></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><g onload="__xss(ID)"></g></svg>',
  '<svg><feImage href="javascript:__xss(ID)"/></svg>',
];

const mathml = [
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(ID)>',
  '<math href="javascript:__xss(ID)">click</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:__xss(ID)">x</maction></math>',
  '<math><mi xlink:href="data:x,<script>__xss(ID)</script>">x</mi></math>',
  '<math><mtext><img src=x onerror=__xss(ID)></mtext></math>',
  '<math><annotation-xml encoding="text/html"><img src=x onerror=__xss(ID)></annotation-xml></math>',
  '<math><style><img src=x onerror=__xss(ID)></style></math>',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=__xss(ID)>"></style></h1>',
  '<math><semantics><annotation-xml encoding="application/xhtml+xml"><svg onload=__xss(ID)></annotation-xml></semantics></math>',
  '<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style><a title="</style><img src=x onerror=__xss(ID)>">',
];

const mxss = [
  '<noscript><p title="</noscript><img src=x onerror=__xss(ID)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=__xss(ID)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(ID)>',
  '<listing>&lt;img src=x onerror=__xss(ID)&gt;</listing>',
  '<xmp><img src=x onerror=__xss(ID)></xmp>',
  '<textarea><img src=x onerror=__xss(ID)></textarea>',
  '<title><img src=x onerror=__xss(ID)></title>',
  '<noembed><img title="</noembed><img src=x onerror=__xss(ID)>"></noembed>',
  '<noframes><img title="</noframes><img src=x onerror=__xss(ID)>"></noframes>',
  '<iframe><img title="</iframe><img src=x onerror=__xss(ID)>"></iframe>',
  '<style><img title="</style><img src=x onerror=__xss(ID)>"></style>',
  '<a href="&#x6A;avascript:__xss(ID)">x</a><table><a>',
  '<table><td><svg><p><style><img src=x onerror=__xss(ID)>',
  '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=__xss(ID)>">',
  '<img src="x` `<script>__xss(ID)</script>"` `>',
  '<div id="1"><form id="test"></form><button form="test" formaction="javascript:__xss(ID)">x</button></div>',
  '<!--><img src=x onerror=__xss(ID)>-->',
  '<!--<img src="--><img src=x onerror=__xss(ID)//">',
  '<![CDATA[><img src=x onerror=__xss(ID)>]]>',
  '<?xml version="1.0"?><img src=x onerror=__xss(ID)>',
  '<p style="font-family:\'\\22\\3e\\3c\\69mg src=x onerror=__xss(ID)\\3e\'">x</p>',
  '<a title="&lt;img src=x onerror=__xss(ID)&gt;">x</a>',
  '&lt;img src=x onerror=__xss(ID)&gt;',
  '&#60;img src=x onerror=__xss(ID)&#62;',
  '\\x3cimg src=x onerror=__xss(ID)\\x3e',
  '%3Cimg%20src%3Dx%20onerror%3D__xss(ID)%3E',
  '<img src=x onerror=__xss(ID)<!--',
  '<div><template shadowrootmode="open"><img src=x onerror=__xss(ID)></template></div>',
  '<template shadowrootmode=open><slot></slot></template><img src=x onerror=__xss(ID)>',
  '<base href="javascript:/a/-alert(ID)///////"><a href=../x>x</a>',
];

const url = [
  'javascript:__xss(ID)',
  'JaVaScRiPt:__xss(ID)',
  ' javascript:__xss(ID)',
  'java\tscript:__xss(ID)',
  'java\nscript:__xss(ID)',
  'java\0script:__xss(ID)',
  '&#106;avascript:__xss(ID)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss(ID)',
  'javascript&colon;__xss(ID)',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+__xss(ID)//\'>',
  'vbscript:__xss(ID)',
  'data:text/html,<script>parent.__xss(ID)</script>',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMSk8L3NjcmlwdD4=',
  'data:image/svg+xml,<svg onload=__xss(ID)>',
  'data:application/javascript,__xss(ID)',
  '<a href="javascript:__xss(ID)">click me</a>',
  '<a href="data:text/html,<script>__xss(ID)</script>">x</a>',
  '<a href=" &#14;  javascript:__xss(ID)">x</a>',
  '[click](javascript:__xss(ID))',
  '[click](data:text/html,<script>__xss(ID)</script>)',
  '![x](javascript:__xss(ID))',
  'https://example.com/"onmouseover="__xss(ID)"',
  'https://example.com/<img src=x onerror=__xss(ID)>',
  "https://example.com/'><script>__xss(ID)</script>",
  'http://example.com/?q="><svg onload=__xss(ID)>',
  'https://example.com/#javascript:__xss(ID)',
  '//example.com/%22onmouseover=%22__xss(ID)',
  'tel:+358"onclick="__xss(ID)',
  'mailto:x@example.com?subject="><img src=x onerror=__xss(ID)>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(ID)">',
  '<a href="jav&#x09;ascript:__xss(ID)">x</a>',
  'www.example.com/javascript:__xss(ID)',
];

const css = [
  '<style>@import "' + BEACON + '";</style>',
  '<style>body{background:url(' + BEACON + ')}</style>',
  '<div style="background:url(' + BEACON + ')">x</div>',
  '<div style="background-image:url(javascript:__xss(ID))">x</div>',
  '<div style="width:expression(__xss(ID))">x</div>',
  '<div style="behavior:url(' + BEACON + ')">x</div>',
  '</style><img src=x onerror=__xss(ID)>',
  '}</style><img src=x onerror=__xss(ID)>',
  '*{background:url(' + BEACON + ')}',
  '<link rel=stylesheet href="' + BEACON + '">',
  '<img src="' + BEACON + '">',
  '<img srcset="' + BEACON + ' 1x">',
  '<picture><source srcset="' + BEACON + '"><img></picture>',
  '<input type=image src="' + BEACON + '">',
  '<video poster="' + BEACON + '"></video>',
  '<style>:host{display:none}*{color:red !important}</style>',
  '<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">overlay</div>',
  '";}*{background:url(' + BEACON + ')}/*',
  '\\3c img src=x onerror=__xss(ID)\\3e',
  '--es-color-primary: url(' + BEACON + ')',
  '<svg><style>@import url(' + BEACON + ');</style></svg>',
  'expression(__xss(ID))',
];

const template = [
  '${__xss(ID)}',
  '{{__xss(ID)}}',
  "{{constructor.constructor('__xss(ID)')()}}",
  '<%= __xss(ID) %>',
  '#{__xss(ID)}',
  '<!--?lit$123456$--><img src=x onerror=__xss(ID)>',
  'lit$123456$<img src=x onerror=__xss(ID)>',
  '<?lit$123456$>__xss(ID)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '__proto__',
  'constructor',
  '{"__proto__":{"polluted":"yes"}}',
  'toString',
  '</es-case-list><img src=x onerror=__xss(ID)>',
  '<es-login onclick=__xss(ID)></es-login>',
  '<slot name=x onslotchange=__xss(ID)></slot>',
  '<iframe src="/dist/eservice-widgets.js"></iframe><img src=x onerror=__xss(ID)>',
  'NaN',
  'null',
  'undefined',
];

const unicode = [
  '\u202Egnp.exe\u202D<img src=x onerror=__xss(ID)>',
  '\u202Etxt.exe',
  'invoice\u202Efdp.exe',
  '\u2066\u2067\u2068<img src=x onerror=__xss(ID)>\u2069',
  '\uD800<img src=x onerror=__xss(ID)>',
  '<img src=x onerror=__xss(ID)>\uDFFF',
  '\uDBFF\uDBFF\uDC00\uDC00 lone surrogates',
  '\uFEFF<script>__xss(ID)</script>',
  '\u0000<img src=x onerror=__xss(ID)>',
  '<scr\u0000ipt>__xss(ID)</scr\u0000ipt>',
  '\uFF1Cscript\uFF1E__xss(ID)\uFF1C/script\uFF1E',
  '\u003Cimg src=x onerror=__xss(ID)\u003E',
  '<img src=x onerror=__xss(ID)\u2028>',
  '\u2028\u2029<script>__xss(ID)</script>',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F\u0360\u0361\u0362'.repeat(20),
  '\u200B\u200C\u200D\u2060<img src=x onerror=__xss(ID)>',
  'ي\u200F<img src=x onerror=__xss(ID)>',
  '\u061C\u200E\u200Fشبكة',
  '𝕏𝕊𝕊 <img src=x onerror=__xss(ID)> 🙂👩‍💻',
  '\uFFFD\uFFFE\uFFFF',
  '\u00A0\u1680\u180E\u2000\u3000',
  'ＪａｖａＳｃｒｉｐｔ：__xss(ID)',
  '<ſcript>__xss(ID)</ſcript>',
  '<ımg src=x onerror=__xss(ID)>',
  '\r\n\r\nContent-Type: text/html\r\n\r\n<script>__xss(ID)</script>',
  '\x1B[31mred\x1B[0m<img src=x onerror=__xss(ID)>',
];

const longs = [
  'A'.repeat(199) ,
  'x'.repeat(5000) + '<img src=x onerror=__xss(ID)>',
  '<img src=x onerror=__xss(ID)>'.repeat(400),
  '<div>'.repeat(3000) + '<img src=x onerror=__xss(ID)>',
  '<a>'.repeat(1000) + '<svg onload=__xss(ID)>',
  '\u202E'.repeat(500) + '<script>__xss(ID)</script>',
  ('word ' + '\u0301'.repeat(50)).repeat(100),
  '🙂'.repeat(4000),
  'W'.repeat(19000) + '<script>__xss(ID)</script>',
  'Ab\n'.repeat(3000),
];

/** Builds the list; each payload gets a number. */
function build() {
  /** @type {Payload[]} */
  const out = [];
  const add = (category, list) => { for (const text of list) out.push({ n: out.length + 1, category, text }); };
  add('script', script);
  add('handler', handler);
  add('svg', svg);
  add('mathml', mathml);
  add('mxss', mxss);
  add('url', url);
  add('css', css);
  add('template', template);
  add('unicode', unicode);
  add('long', longs);
  // Breakout prefixes × a few core vectors: the same vectors after the contexts they try to escape from.
  const prefixes = ['"', "'", '`', '</p>', '</div>', '</a>', '</span>', '</td></tr></table>', '</li></ul>', '</button>'];
  const cores = ['<img src=x onerror=__xss(ID)>', '<svg onload=__xss(ID)>'];
  const combos = [];
  for (const p of prefixes) for (const c of cores) combos.push(p + c);
  add('breakout', combos);
  return out;
}

/** Every payload, numbered from 1. */
export const PAYLOADS = build();

/**
 * Stored fields get a code; a payload stored in field `f` calls `__xss(f * 1000 + n)`, so a hit names both.
 * Numeric ids keep every vector valid JavaScript (alert(ID), __xss`ID`).
 */
export function trapId(fieldCode, payload) {
  return fieldCode * 1000 + payload.n;
}

/** Decodes a trap id back into { fieldCode, n }. */
export function decodeTrapId(id) {
  const v = Number(id);
  return { fieldCode: Math.floor(v / 1000), n: v % 1000 };
}

/** The payload text with its ID placeholder replaced by a numeric trap id. */
export function instantiate(payload, id) {
  return payload.text.replaceAll('ID', String(id));
}

/** Counts per category (for the printed summary). */
export function categoryCounts() {
  const c = {};
  for (const p of PAYLOADS) c[p.category] = (c[p.category] ?? 0) + 1;
  return c;
}

export { BEACON };
