var W=globalThis,N=W.ShadowRoot&&(W.ShadyCSS===void 0||W.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,q=Symbol(),l1=new WeakMap,B=class{constructor(C,H,V){if(this._$cssResult$=!0,V!==q)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=C,this.t=H}get styleSheet(){let C=this.o,H=this.t;if(N&&C===void 0){let V=H!==void 0&&H.length===1;V&&(C=l1.get(H)),C===void 0&&((this.o=C=new CSSStyleSheet).replaceSync(this.cssText),V&&l1.set(H,C))}return C}toString(){return this.cssText}},Z1=M=>new B(typeof M=="string"?M:M+"",void 0,q),b=(M,...C)=>{let H=M.length===1?M[0]:C.reduce((V,L,r)=>V+(e=>{if(e._$cssResult$===!0)return e.cssText;if(typeof e=="number")return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(L)+M[r+1],M[0]);return new B(H,M,q)},S1=(M,C)=>{if(N)M.adoptedStyleSheets=C.map(H=>H instanceof CSSStyleSheet?H:H.styleSheet);else for(let H of C){let V=document.createElement("style"),L=W.litNonce;L!==void 0&&V.setAttribute("nonce",L),V.textContent=H.cssText,M.appendChild(V)}},j=N?M=>M:M=>M instanceof CSSStyleSheet?(C=>{let H="";for(let V of C.cssRules)H+=V.cssText;return Z1(H)})(M):M;var{is:V2,defineProperty:L2,getOwnPropertyDescriptor:M2,getOwnPropertyNames:r2,getOwnPropertySymbols:e2,getPrototypeOf:t2}=Object,I=globalThis,u1=I.trustedTypes,i2=u1?u1.emptyScript:"",A2=I.reactiveElementPolyfillSupport,y=(M,C)=>M,X={toAttribute(M,C){switch(C){case Boolean:M=M?i2:null;break;case Object:case Array:M=M==null?M:JSON.stringify(M)}return M},fromAttribute(M,C){let H=M;switch(C){case Boolean:H=M!==null;break;case Number:H=M===null?null:Number(M);break;case Object:case Array:try{H=JSON.parse(M)}catch{H=null}}return H}},c1=(M,C)=>!V2(M,C),s1={attribute:!0,type:String,converter:X,reflect:!1,useDefault:!1,hasChanged:c1};Symbol.metadata??=Symbol("metadata"),I.litPropertyMetadata??=new WeakMap;var Z=class extends HTMLElement{static addInitializer(C){this._$Ei(),(this.l??=[]).push(C)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(C,H=s1){if(H.state&&(H.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(C)&&((H=Object.create(H)).wrapped=!0),this.elementProperties.set(C,H),!H.noAccessor){let V=Symbol(),L=this.getPropertyDescriptor(C,V,H);L!==void 0&&L2(this.prototype,C,L)}}static getPropertyDescriptor(C,H,V){let{get:L,set:r}=M2(this.prototype,C)??{get(){return this[H]},set(e){this[H]=e}};return{get:L,set(e){let o=L?.call(this);r?.call(this,e),this.requestUpdate(C,o,V)},configurable:!0,enumerable:!0}}static getPropertyOptions(C){return this.elementProperties.get(C)??s1}static _$Ei(){if(this.hasOwnProperty(y("elementProperties")))return;let C=t2(this);C.finalize(),C.l!==void 0&&(this.l=[...C.l]),this.elementProperties=new Map(C.elementProperties)}static finalize(){if(this.hasOwnProperty(y("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(y("properties"))){let H=this.properties,V=[...r2(H),...e2(H)];for(let L of V)this.createProperty(L,H[L])}let C=this[Symbol.metadata];if(C!==null){let H=litPropertyMetadata.get(C);if(H!==void 0)for(let[V,L]of H)this.elementProperties.set(V,L)}this._$Eh=new Map;for(let[H,V]of this.elementProperties){let L=this._$Eu(H,V);L!==void 0&&this._$Eh.set(L,H)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(C){let H=[];if(Array.isArray(C)){let V=new Set(C.flat(1/0).reverse());for(let L of V)H.unshift(j(L))}else C!==void 0&&H.push(j(C));return H}static _$Eu(C,H){let V=H.attribute;return V===!1?void 0:typeof V=="string"?V:typeof C=="string"?C.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(C=>this.enableUpdating=C),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(C=>C(this))}addController(C){(this._$EO??=new Set).add(C),this.renderRoot!==void 0&&this.isConnected&&C.hostConnected?.()}removeController(C){this._$EO?.delete(C)}_$E_(){let C=new Map,H=this.constructor.elementProperties;for(let V of H.keys())this.hasOwnProperty(V)&&(C.set(V,this[V]),delete this[V]);C.size>0&&(this._$Ep=C)}createRenderRoot(){let C=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return S1(C,this.constructor.elementStyles),C}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(C=>C.hostConnected?.())}enableUpdating(C){}disconnectedCallback(){this._$EO?.forEach(C=>C.hostDisconnected?.())}attributeChangedCallback(C,H,V){this._$AK(C,V)}_$ET(C,H){let V=this.constructor.elementProperties.get(C),L=this.constructor._$Eu(C,V);if(L!==void 0&&V.reflect===!0){let r=(V.converter?.toAttribute!==void 0?V.converter:X).toAttribute(H,V.type);this._$Em=C,r==null?this.removeAttribute(L):this.setAttribute(L,r),this._$Em=null}}_$AK(C,H){let V=this.constructor,L=V._$Eh.get(C);if(L!==void 0&&this._$Em!==L){let r=V.getPropertyOptions(L),e=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:X;this._$Em=L;let o=e.fromAttribute(H,r.type);this[L]=o??this._$Ej?.get(L)??o,this._$Em=null}}requestUpdate(C,H,V,L=!1,r){if(C!==void 0){let e=this.constructor;if(L===!1&&(r=this[C]),V??=e.getPropertyOptions(C),!((V.hasChanged??c1)(r,H)||V.useDefault&&V.reflect&&r===this._$Ej?.get(C)&&!this.hasAttribute(e._$Eu(C,V))))return;this.C(C,H,V)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(C,H,{useDefault:V,reflect:L,wrapped:r},e){V&&!(this._$Ej??=new Map).has(C)&&(this._$Ej.set(C,e??H??this[C]),r!==!0||e!==void 0)||(this._$AL.has(C)||(this.hasUpdated||V||(H=void 0),this._$AL.set(C,H)),L===!0&&this._$Em!==C&&(this._$Eq??=new Set).add(C))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(H){Promise.reject(H)}let C=this.scheduleUpdate();return C!=null&&await C,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[L,r]of this._$Ep)this[L]=r;this._$Ep=void 0}let V=this.constructor.elementProperties;if(V.size>0)for(let[L,r]of V){let{wrapped:e}=r,o=this[L];e!==!0||this._$AL.has(L)||o===void 0||this.C(L,void 0,r,o)}}let C=!1,H=this._$AL;try{C=this.shouldUpdate(H),C?(this.willUpdate(H),this._$EO?.forEach(V=>V.hostUpdate?.()),this.update(H)):this._$EM()}catch(V){throw C=!1,this._$EM(),V}C&&this._$AE(H)}willUpdate(C){}_$AE(C){this._$EO?.forEach(H=>H.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(C)),this.updated(C)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(C){return!0}update(C){this._$Eq&&=this._$Eq.forEach(H=>this._$ET(H,this[H])),this._$EM()}updated(C){}firstUpdated(C){}};Z.elementStyles=[],Z.shadowRootOptions={mode:"open"},Z[y("elementProperties")]=new Map,Z[y("finalized")]=new Map,A2?.({ReactiveElement:Z}),(I.reactiveElementVersions??=[]).push("2.1.2");var M1=globalThis,h1=M=>M,U=M1.trustedTypes,O1=U?U.createPolicy("lit-html",{createHTML:M=>M}):void 0,y1="$lit$",u=`lit$${Math.random().toFixed(9).slice(2)}$`,P1="?"+u,o2=`<${P1}>`,h=document,w=()=>h.createComment(""),T=M=>M===null||typeof M!="object"&&typeof M!="function",r1=Array.isArray,a2=M=>r1(M)||typeof M?.[Symbol.iterator]=="function",Y=`[ 	
\f\r]`,P=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,g1=/-->/g,f1=/>/g,s=RegExp(`>|${Y}(?:([^\\s"'>=/]+)(${Y}*=${Y}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),k1=/'/g,B1=/"/g,w1=/^(?:script|style|textarea|title)$/i,e1=M=>(C,...H)=>({_$litType$:M,strings:C,values:H}),t=e1(1),f2=e1(2),k2=e1(3),O=Symbol.for("lit-noChange"),i=Symbol.for("lit-nothing"),b1=new WeakMap,c=h.createTreeWalker(h,129);function T1(M,C){if(!r1(M)||!M.hasOwnProperty("raw"))throw Error("invalid template strings array");return O1!==void 0?O1.createHTML(C):C}var d2=(M,C)=>{let H=M.length-1,V=[],L,r=C===2?"<svg>":C===3?"<math>":"",e=P;for(let o=0;o<H;o++){let A=M[o],d,p,a=-1,l=0;for(;l<A.length&&(e.lastIndex=l,p=e.exec(A),p!==null);)l=e.lastIndex,e===P?p[1]==="!--"?e=g1:p[1]!==void 0?e=f1:p[2]!==void 0?(w1.test(p[2])&&(L=RegExp("</"+p[2],"g")),e=s):p[3]!==void 0&&(e=s):e===s?p[0]===">"?(e=L??P,a=-1):p[1]===void 0?a=-2:(a=e.lastIndex-p[2].length,d=p[1],e=p[3]===void 0?s:p[3]==='"'?B1:k1):e===B1||e===k1?e=s:e===g1||e===f1?e=P:(e=s,L=void 0);let S=e===s&&M[o+1].startsWith("/>")?" ":"";r+=e===P?A+o2:a>=0?(V.push(d),A.slice(0,a)+y1+A.slice(a)+u+S):A+u+(a===-2?o:S)}return[T1(M,r+(M[H]||"<?>")+(C===2?"</svg>":C===3?"</math>":"")),V]},F=class M{constructor({strings:C,_$litType$:H},V){let L;this.parts=[];let r=0,e=0,o=C.length-1,A=this.parts,[d,p]=d2(C,H);if(this.el=M.createElement(d,V),c.currentNode=this.el.content,H===2||H===3){let a=this.el.content.firstChild;a.replaceWith(...a.childNodes)}for(;(L=c.nextNode())!==null&&A.length<o;){if(L.nodeType===1){if(L.hasAttributes())for(let a of L.getAttributeNames())if(a.endsWith(y1)){let l=p[e++],S=L.getAttribute(a).split(u),$=/([.?@])?(.*)/.exec(l);A.push({type:1,index:r,name:$[2],strings:S,ctor:$[1]==="."?C1:$[1]==="?"?H1:$[1]==="@"?V1:k}),L.removeAttribute(a)}else a.startsWith(u)&&(A.push({type:6,index:r}),L.removeAttribute(a));if(w1.test(L.tagName)){let a=L.textContent.split(u),l=a.length-1;if(l>0){L.textContent=U?U.emptyScript:"";for(let S=0;S<l;S++)L.append(a[S],w()),c.nextNode(),A.push({type:2,index:++r});L.append(a[l],w())}}}else if(L.nodeType===8)if(L.data===P1)A.push({type:2,index:r});else{let a=-1;for(;(a=L.data.indexOf(u,a+1))!==-1;)A.push({type:7,index:r}),a+=u.length-1}r++}}static createElement(C,H){let V=h.createElement("template");return V.innerHTML=C,V}};function f(M,C,H=M,V){if(C===O)return C;let L=V!==void 0?H._$Co?.[V]:H._$Cl,r=T(C)?void 0:C._$litDirective$;return L?.constructor!==r&&(L?._$AO?.(!1),r===void 0?L=void 0:(L=new r(M),L._$AT(M,H,V)),V!==void 0?(H._$Co??=[])[V]=L:H._$Cl=L),L!==void 0&&(C=f(M,L._$AS(M,C.values),L,V)),C}var J=class{constructor(C,H){this._$AV=[],this._$AN=void 0,this._$AD=C,this._$AM=H}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(C){let{el:{content:H},parts:V}=this._$AD,L=(C?.creationScope??h).importNode(H,!0);c.currentNode=L;let r=c.nextNode(),e=0,o=0,A=V[0];for(;A!==void 0;){if(e===A.index){let d;A.type===2?d=new R(r,r.nextSibling,this,C):A.type===1?d=new A.ctor(r,A.name,A.strings,this,C):A.type===6&&(d=new L1(r,this,C)),this._$AV.push(d),A=V[++o]}e!==A?.index&&(r=c.nextNode(),e++)}return c.currentNode=h,L}p(C){let H=0;for(let V of this._$AV)V!==void 0&&(V.strings!==void 0?(V._$AI(C,V,H),H+=V.strings.length-2):V._$AI(C[H])),H++}},R=class M{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(C,H,V,L){this.type=2,this._$AH=i,this._$AN=void 0,this._$AA=C,this._$AB=H,this._$AM=V,this.options=L,this._$Cv=L?.isConnected??!0}get parentNode(){let C=this._$AA.parentNode,H=this._$AM;return H!==void 0&&C?.nodeType===11&&(C=H.parentNode),C}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(C,H=this){C=f(this,C,H),T(C)?C===i||C==null||C===""?(this._$AH!==i&&this._$AR(),this._$AH=i):C!==this._$AH&&C!==O&&this._(C):C._$litType$!==void 0?this.$(C):C.nodeType!==void 0?this.T(C):a2(C)?this.k(C):this._(C)}O(C){return this._$AA.parentNode.insertBefore(C,this._$AB)}T(C){this._$AH!==C&&(this._$AR(),this._$AH=this.O(C))}_(C){this._$AH!==i&&T(this._$AH)?this._$AA.nextSibling.data=C:this.T(h.createTextNode(C)),this._$AH=C}$(C){let{values:H,_$litType$:V}=C,L=typeof V=="number"?this._$AC(C):(V.el===void 0&&(V.el=F.createElement(T1(V.h,V.h[0]),this.options)),V);if(this._$AH?._$AD===L)this._$AH.p(H);else{let r=new J(L,this),e=r.u(this.options);r.p(H),this.T(e),this._$AH=r}}_$AC(C){let H=b1.get(C.strings);return H===void 0&&b1.set(C.strings,H=new F(C)),H}k(C){r1(this._$AH)||(this._$AH=[],this._$AR());let H=this._$AH,V,L=0;for(let r of C)L===H.length?H.push(V=new M(this.O(w()),this.O(w()),this,this.options)):V=H[L],V._$AI(r),L++;L<H.length&&(this._$AR(V&&V._$AB.nextSibling,L),H.length=L)}_$AR(C=this._$AA.nextSibling,H){for(this._$AP?.(!1,!0,H);C!==this._$AB;){let V=h1(C).nextSibling;h1(C).remove(),C=V}}setConnected(C){this._$AM===void 0&&(this._$Cv=C,this._$AP?.(C))}},k=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(C,H,V,L,r){this.type=1,this._$AH=i,this._$AN=void 0,this.element=C,this.name=H,this._$AM=L,this.options=r,V.length>2||V[0]!==""||V[1]!==""?(this._$AH=Array(V.length-1).fill(new String),this.strings=V):this._$AH=i}_$AI(C,H=this,V,L){let r=this.strings,e=!1;if(r===void 0)C=f(this,C,H,0),e=!T(C)||C!==this._$AH&&C!==O,e&&(this._$AH=C);else{let o=C,A,d;for(C=r[0],A=0;A<r.length-1;A++)d=f(this,o[V+A],H,A),d===O&&(d=this._$AH[A]),e||=!T(d)||d!==this._$AH[A],d===i?C=i:C!==i&&(C+=(d??"")+r[A+1]),this._$AH[A]=d}e&&!L&&this.j(C)}j(C){C===i?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,C??"")}},C1=class extends k{constructor(){super(...arguments),this.type=3}j(C){this.element[this.name]=C===i?void 0:C}},H1=class extends k{constructor(){super(...arguments),this.type=4}j(C){this.element.toggleAttribute(this.name,!!C&&C!==i)}},V1=class extends k{constructor(C,H,V,L,r){super(C,H,V,L,r),this.type=5}_$AI(C,H=this){if((C=f(this,C,H,0)??i)===O)return;let V=this._$AH,L=C===i&&V!==i||C.capture!==V.capture||C.once!==V.once||C.passive!==V.passive,r=C!==i&&(V===i||L);L&&this.element.removeEventListener(this.name,this,V),r&&this.element.addEventListener(this.name,this,C),this._$AH=C}handleEvent(C){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,C):this._$AH.handleEvent(C)}},L1=class{constructor(C,H,V){this.element=C,this.type=6,this._$AN=void 0,this._$AM=H,this.options=V}get _$AU(){return this._$AM._$AU}_$AI(C){f(this,C)}};var p2=M1.litHtmlPolyfillSupport;p2?.(F,R),(M1.litHtmlVersions??=[]).push("3.3.3");var F1=(M,C,H)=>{let V=H?.renderBefore??C,L=V._$litPart$;if(L===void 0){let r=H?.renderBefore??null;V._$litPart$=L=new R(C.insertBefore(w(),r),r,void 0,H??{})}return L._$AI(M),L};var t1=globalThis,n=class extends Z{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let C=super.createRenderRoot();return this.renderOptions.renderBefore??=C.firstChild,C}update(C){let H=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(C),this._$Do=F1(H,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return O}};n._$litElement$=!0,n.finalized=!0,t1.litElementHydrateSupport?.({LitElement:n});var m2=t1.litElementPolyfillSupport;m2?.({LitElement:n});(t1.litElementVersions??=[]).push("4.2.2");var R1="M20,11V13H8L13.5,18.5L12.08,19.92L4.16,12L12.08,4.08L13.5,5.5L8,11H20Z";var _1="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var D1="M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z";var E1="M22 8V11H20V8H4V18H13.78C13.38 18.59 13.13 19.26 13.04 20H4C2.9 20 2 19.11 2 18V6C2 4.89 2.89 4 4 4H10L12 6H20C21.1 6 22 6.89 22 8M18.5 13V18.21C18.19 18.07 17.86 18 17.5 18C16.12 18 15 19.12 15 20.5S16.12 23 17.5 23 20 21.88 20 20.5V15H22V13H18.5Z";var $1="M20,18H4V8H20M20,6H12L10,4H4C2.89,4 2,4.89 2,6V18A2,2 0 0,0 4,20H20A2,2 0 0,0 22,18V8C22,6.89 21.1,6 20,6Z";var W1="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var i1="M21,3V15.5A3.5,3.5 0 0,1 17.5,19A3.5,3.5 0 0,1 14,15.5A3.5,3.5 0 0,1 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L9,8.6V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V6L21,3Z";var N1="M16,9H13V14.5A2.5,2.5 0 0,1 10.5,17A2.5,2.5 0 0,1 8,14.5A2.5,2.5 0 0,1 10.5,12C11.07,12 11.58,12.19 12,12.5V7H16M19,3H5A2,2 0 0,0 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5A2,2 0 0,0 19,3Z";var A1="M2,5.27L3.28,4L20,20.72L18.73,22L9,12.27V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V10.27L2,5.27M21,3V15.5C21,16.5 20.57,17.42 19.88,18.06L14.94,13.12C15.58,12.43 16.5,12 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L10.17,8.35L7.66,5.84L21,3Z";var I1="M18,6H13A2,2 0 0,0 11,8V10.28C10.41,10.62 10,11.26 10,12A2,2 0 0,0 12,14C13.11,14 14,13.1 14,12C14,11.26 13.6,10.62 13,10.28V8H16V16H8V8H10V6H8L6,6V18H18M20,20H4V4H20M20,2H4A2,2 0 0,0 2,4V20A2,2 0 0,0 4,22H20C21.11,22 22,21.1 22,20V4C22,2.89 21.11,2 20,2Z";var U1="M14,19H18V5H14M6,19H10V5H6V19Z";var Q1="M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z";var G1="M8,5.14V19.14L19,12.14L8,5.14Z";var z1="M3 10H14V12H3V10M3 6H14V8H3V6M3 14H10V16H3V14M16 13V21L22 17L16 13Z";var K1="M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z";var q1="M12,4C14.1,4 16.1,4.8 17.6,6.3C20.7,9.4 20.7,14.5 17.6,17.6C15.8,19.5 13.3,20.2 10.9,19.9L11.4,17.9C13.1,18.1 14.9,17.5 16.2,16.2C18.5,13.9 18.5,10.1 16.2,7.7C15.1,6.6 13.5,6 12,6V10.6L7,5.6L12,0.6V4M6.3,17.6C3.7,15 3.3,11 5.1,7.9L6.6,9.4C5.5,11.6 5.9,14.4 7.8,16.2C8.3,16.7 8.9,17.1 9.6,17.4L9,19.4C8,19 7.1,18.4 6.3,17.6Z";var j1="M12,12A3,3 0 0,0 9,15A3,3 0 0,0 12,18A3,3 0 0,0 15,15A3,3 0 0,0 12,12M12,20A5,5 0 0,1 7,15A5,5 0 0,1 12,10A5,5 0 0,1 17,15A5,5 0 0,1 12,20M12,4A2,2 0 0,1 14,6A2,2 0 0,1 12,8C10.89,8 10,7.1 10,6C10,4.89 10.89,4 12,4M17,2H7C5.89,2 5,2.89 5,4V20A2,2 0 0,0 7,22H17A2,2 0 0,0 19,20V4C19,2.89 18.1,2 17,2Z";var X1="M12,20A7,7 0 0,1 5,13A7,7 0 0,1 12,6A7,7 0 0,1 19,13A7,7 0 0,1 12,20M19.03,7.39L20.45,5.97C20,5.46 19.55,5 19.04,4.56L17.62,6C16.07,4.74 14.12,4 12,4A9,9 0 0,0 3,13A9,9 0 0,0 12,22C17,22 21,17.97 21,13C21,10.88 20.26,8.93 19.03,7.39M11,14H13V8H11M15,1H9V3H15V1Z";var Y1="M11 8H13V14H11V8M15 1H9V3H15V1M12 20C8.13 20 5 16.87 5 13S8.13 6 12 6 19 9.13 19 13C19.7 13 20.36 13.13 21 13.35C21 13.23 21 13.12 21 13C21 10.88 20.26 8.93 19.03 7.39L20.45 5.97C20 5.46 19.55 5 19.04 4.56L17.62 6C16.07 4.74 14.12 4 12 4C7.03 4 3 8.03 3 13S7.03 22 12 22C12.59 22 13.16 21.94 13.71 21.83C13.4 21.25 13.18 20.6 13.08 19.91C12.72 19.96 12.37 20 12 20M20 18V15H18V18H15V20H18V23H20V20H23V18H20Z";var o1="M6,2H18V8H18V8L14,12L18,16V16H18V22H6V16H6V16L10,12L6,8V8H6V2M16,16.5L12,12.5L8,16.5V20H16V16.5M12,11.5L16,7.5V4H8V7.5L12,11.5M10,6H14V6.75L12,8.75L10,6.75V6Z";var a1="M8 13C6.14 13 4.59 14.28 4.14 16H2V18H4.14C4.59 19.72 6.14 21 8 21S11.41 19.72 11.86 18H22V16H11.86C11.41 14.28 9.86 13 8 13M8 19C6.9 19 6 18.1 6 17C6 15.9 6.9 15 8 15S10 15.9 10 17C10 18.1 9.1 19 8 19M19.86 6C19.41 4.28 17.86 3 16 3S12.59 4.28 12.14 6H2V8H12.14C12.59 9.72 14.14 11 16 11S19.41 9.72 19.86 8H22V6H19.86M16 9C14.9 9 14 8.1 14 7C14 5.9 14.9 5 16 5S18 5.9 18 7C18 8.1 17.1 9 16 9Z";var d1="M14,3.23V5.29C16.89,6.15 19,8.83 19,12C19,15.17 16.89,17.84 14,18.7V20.77C18,19.86 21,16.28 21,12C21,7.72 18,4.14 14,3.23M16.5,12C16.5,10.23 15.5,8.71 14,7.97V16C15.5,15.29 16.5,13.76 16.5,12M3,9V15H7L12,20V4L7,9H3Z";var p1="M17.75,4.09L15.22,6.03L16.13,9.09L13.5,7.28L10.87,9.09L11.78,6.03L9.25,4.09L12.44,4L13.5,1L14.56,4L17.75,4.09M21.25,11L19.61,12.25L20.2,14.23L18.5,13.06L16.8,14.23L17.39,12.25L15.75,11L17.81,10.95L18.5,9L19.19,10.95L21.25,11M18.97,15.95C19.8,15.87 20.69,17.05 20.16,17.8C19.84,18.25 19.5,18.67 19.08,19.07C15.17,23 8.84,23 4.94,19.07C1.03,15.17 1.03,8.83 4.94,4.93C5.34,4.53 5.76,4.17 6.21,3.85C6.96,3.32 8.14,4.21 8.06,5.04C7.79,7.9 8.75,10.87 10.95,13.06C13.14,15.26 16.1,16.22 18.97,15.95M17.33,17.97C14.5,17.81 11.7,16.64 9.53,14.5C7.36,12.31 6.2,9.5 6.04,6.68C3.23,9.82 3.34,14.64 6.35,17.66C9.37,20.67 14.19,20.78 17.33,17.97Z";async function Q(){if(customElements.get("ha-form"))return;let M=window.loadCardHelpers;M&&await M();for(let C of["hui-tile-card","hui-button-card","hui-entities-card"]){let H=customElements.get(C);if(H?.getConfigElement&&(await H.getConfigElement(),customElements.get("ha-form")))return}await customElements.whenDefined("ha-form")}var v="nfc_jukebox",v2=["selector","config_subentries","exceptions"];async function G(M){let C=M.localize;for(let H of v2)C=await M.loadBackendTranslation(H,v);return C}function z(M,C){return(H,V)=>M.localize(H,V)||C?.(H,V)||""}function x(M,C,H){return M(`component.${v}.selector.card.options.${C}`,H)}function m(M,C,H){return M(`component.${v}.${C}`,H)}var x2=[{name:"entry_id",selector:{config_entry:{integration:v}}}],K=class extends n{setConfig(C){this._config=C}connectedCallback(){super.connectedCallback(),Q().then(async()=>{this.hass&&(this._loaded=await G(this.hass))})}render(){if(!this.hass||!this._config||!this._loaded)return i;let C=z(this.hass,this._loaded);return t`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${x2}
      .computeLabel=${()=>x(C,"reader")}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(C){C.stopPropagation();let H={...C.detail.value};H.entry_id||delete H.entry_id,this._config=H,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:H},bubbles:!0,composed:!0}))}};K.properties={hass:{attribute:!1},_config:{state:!0},_loaded:{state:!0}};customElements.define("nfc-jukebox-card-editor",K);var m1="playback",D="reader",J1=2,C2=3,v1="media",n2=M=>[{name:"uid",required:!0,selector:{text:{}}},{name:"name",required:!0,selector:{text:{}}},{name:v1,required:!0,selector:{media:{}}},{name:"play_on",required:!0,selector:{select:{options:M,mode:"dropdown"}}},{name:m1,type:"expandable",flatten:!1,schema:[{name:"shuffle",selector:{boolean:{}}},{name:"repeat",selector:{select:{options:["off","one","all"],translation_key:"repeat",mode:"dropdown"}}},{name:"volume",selector:{number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}}},{name:"on_remove",selector:{select:{options:["inherit","pause","stop","nothing"],translation_key:"tag_on_remove",mode:"dropdown"}}},{name:"mode",selector:{select:{options:["music","audiobook","start_over"],translation_key:"mode",mode:"dropdown"}}},{name:"bedtime",selector:{boolean:{}}}]}],x1={shuffle:!1,repeat:"off",on_remove:"inherit",mode:"music",bedtime:!1},g="config_subentries.tag.step.user",l2="media-source://media_source",Z2=M=>M.can_play&&!M.can_expand,_=class extends n{constructor(){super();this._openFolders=async()=>{this._folders=[],await this._openFolder(void 0,"")};this._label=H=>H.name===m1?m(this.localize,`${g}.sections.playback.name`):H.name===v1?"":m(this.localize,`${g}.data.${H.name}`)||m(this.localize,`${g}.sections.playback.data.${H.name}`);this._helper=H=>H.name===m1?"":H.name==="play_on"?x(this.localize,"play_on_help"):m(this.localize,`${g}.data_description.${H.name}`)||m(this.localize,`${g}.sections.playback.data_description.${H.name}`);this._ready=!1}connectedCallback(){super.connectedCallback(),Q().then(()=>{this._ready=!0})}render(){if(!this._ready)return i;let H=this._data??this.initial,V=this.errors?.base,L=n2(this._speakers());return t`<div class="form">
      <div class="form-title">
        ${m(this.localize,`config_subentries.tag.step.${this.isNew?"user":"reconfigure"}.title`)}
      </div>
      ${V?t`<ha-alert alert-type="error">${this._error(V)}</ha-alert>`:i}
      ${this.failure?t`<ha-alert alert-type="error">${this.failure}</ha-alert>`:i}
      ${this._form(H,L.slice(0,J1))}
      <div class="section-title">${this._musicLabel()}</div>
      ${this._form(H,L.slice(J1,C2))}
      ${this._folders?this._renderFolders(this._folders):this._renderFolderButton()}
      ${this._form(H,L.slice(C2))}
      <div class="buttons">
        <ha-button appearance="plain" @click=${this._cancel}>${x(this.localize,"cancel")}</ha-button>
        <ha-button
          .disabled=${!H.uid||!H.name||!H.media?.media_content_id}
          @click=${this._submit}
          >${x(this.localize,"save")}</ha-button
        >
      </div>
    </div>`}_speakers(){let H=Object.values(this.hass.states).filter(V=>V?.entity_id.startsWith("media_player.")).map(V=>({value:V.entity_id,label:V.attributes.friendly_name??V.entity_id})).sort((V,L)=>V.label.localeCompare(L.label));return[{value:D,label:x(this.localize,"this_readers_speaker")},...H]}_form(H,V){return t`<ha-form
      .hass=${this.hass}
      .data=${H}
      .schema=${V}
      .error=${this.errors}
      .computeLabel=${this._label}
      .computeHelper=${this._helper}
      .computeError=${L=>this._error(L)}
      .localizeValue=${L=>m(this.localize,`selector.${L}`)}
      @value-changed=${L=>{this._data={...this._data??this.initial,...L.detail.value}}}
    ></ha-form>`}_renderFolderButton(){return t`<div class="folder-row">
      <ha-button appearance="plain" size="s" @click=${this._openFolders}>
        <ha-svg-icon slot="start" .path=${E1}></ha-svg-icon>
        ${m(this.localize,`${g}.data.pick_folder`)}
      </ha-button>
    </div>`}_renderFolders(H){let V=H[H.length-1],L=V?.item.children??[],r=L.filter(A=>A.can_expand),e=L.filter(Z2).length,o=H.length>1;return t`<div class="folders" role="group" aria-label=${this._pickFolderLabel()}>
      <div class="folders-head">
        ${H.length>1?t`<ha-icon-button
              .path=${R1}
              .label=${x(this.localize,"back")}
              @click=${()=>this._folders=H.slice(0,-1)}
            ></ha-icon-button>`:i}
        <div class="folders-title">
          <div>${o&&V?V.path:this._pickFolderLabel()}</div>
          ${o?t`<div class="secondary">${x(this.localize,"folder_tracks",{count:e})}</div>`:i}
        </div>
      </div>
      ${this._folderError?t`<ha-alert alert-type="error">${this._folderError}</ha-alert>`:i}
      ${V&&!o&&r.length===0?t`<div class="secondary empty">${this._error("no_folders")}</div>`:i}
      <div class="folder-list">
        ${r.map(A=>t`<button
            class="folder"
            type="button"
            @click=${()=>{this._openFolder(A,V?.path??"")}}
          >
            <ha-svg-icon .path=${$1}></ha-svg-icon>
            <span>${A.title}</span>
            <ha-svg-icon class="chevron" .path=${_1}></ha-svg-icon>
          </button>`)}
      </div>
      <div class="buttons">
        <ha-button appearance="plain" @click=${()=>this._folders=void 0}
          >${x(this.localize,"cancel")}</ha-button
        >
        <ha-button .disabled=${!o||e===0} @click=${()=>this._useFolder(V)}
          >${x(this.localize,"use_folder")}</ha-button
        >
      </div>
    </div>`}_pickFolderLabel(){return m(this.localize,"config_subentries.tag.step.folder.title")}async _openFolder(H,V){this._folderError=void 0;try{let L=await this.hass.callWS({type:"media_source/browse_media",media_content_id:H?.media_content_id??l2}),r=this._folders??[],e=H?V?`${V} / ${L.title}`:L.title:"";this._folders=[...r,{item:L,path:e}]}catch(L){this._folderError=L.message??String(L)}}_useFolder(H){if(!H)return;let V=this._data??this.initial;this._data={...V,media:{entity_id:V.media?.entity_id??"",media_content_id:H.item.media_content_id,media_content_type:H.item.media_content_type||"directory",metadata:{title:H.path,media_class:"directory"}}},this._folders=void 0}_musicLabel(){return m(this.localize,`${g}.data.${v1}`)}_error(H){return m(this.localize,`config_subentries.tag.error.${H}`,this.placeholders)||H}_cancel(){this.dispatchEvent(new CustomEvent("chip-cancel"))}_submit(){let H=this._data??this.initial;this.errors=void 0,this.failure=void 0;let V={uid:H.uid,name:H.name,playback:H.playback??{}};H.media&&(V.media=H.media),H.play_on&&H.play_on!==D&&(V.play_on=H.play_on),this.dispatchEvent(new CustomEvent("chip-save",{detail:V}))}};_.properties={hass:{attribute:!1},localize:{attribute:!1},initial:{attribute:!1},isNew:{attribute:!1},errors:{attribute:!1},placeholders:{attribute:!1},failure:{attribute:!1},_data:{state:!0},_ready:{state:!0},_folders:{state:!0},_folderError:{state:!0}},_.styles=b`
    .form {
      padding: 8px 16px 16px;
    }
    .form-title {
      font-size: var(--ha-font-size-l, 16px);
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
      margin-bottom: 12px;
    }
    ha-alert {
      display: block;
      margin-bottom: 12px;
    }
    .section-title {
      margin: 8px 0 12px;
      font-size: var(--ha-font-size-m, 14px);
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
    }
    .folder-row {
      margin: -8px 0 16px;
    }
    .folders {
      margin-top: 12px;
      border: 1px solid var(--divider-color);
      border-radius: var(--ha-card-border-radius, 12px);
      padding: 8px;
    }
    .folders-head {
      display: flex;
      align-items: center;
      gap: 4px;
      min-height: 48px;
      padding: 0 8px;
    }
    .folders-title {
      flex: 1;
      min-width: 0;
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
      overflow-wrap: anywhere;
    }
    .folders-title .secondary {
      font-weight: normal;
      font-size: var(--ha-font-size-s, 12px);
      color: var(--secondary-text-color);
    }
    .empty {
      padding: 8px;
      color: var(--secondary-text-color);
    }
    .folder-list {
      max-height: 320px;
      overflow-y: auto;
    }
    .folder {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      min-height: 48px;
      padding: 0 8px;
      border: none;
      border-radius: 8px;
      background: none;
      color: var(--primary-text-color);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .folder:hover,
    .folder:focus-visible {
      background: var(--secondary-background-color);
    }
    .folder span {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .folder ha-svg-icon {
      color: var(--secondary-text-color);
      flex: none;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
  `;customElements.define("nfc-jukebox-chip-form",_);function S2(M,C){return M.name.localeCompare(C.name,void 0,{sensitivity:"base"})||(M.uid??"").localeCompare(C.uid??"")}function H2(M,C){let H=new Map((M?.readers??[]).map(L=>[L.entry_id,L.chips]));return{readers:C.readers.map(L=>{let r=C.chips[L.entry_id],e=r?.all?[]:H.get(L.entry_id)??[];if(r){let o=new Set([...r.removed,...r.changed.map(A=>A.subentry_id)]);e=[...e.filter(A=>!o.has(A.subentry_id)),...r.changed],e.sort(S2)}return{...L,chips:e}}),can_edit:C.can_edit}}var n1="nfc-jukebox-card",u2={off:A1,quiet_hours:p1,limit:o1},E=class extends n{constructor(){super(),this._search="",this._now=Date.now()}static getConfigElement(){return document.createElement(`${n1}-editor`)}static getStubConfig(){return{}}setConfig(C){if(C.entry_id!==void 0&&typeof C.entry_id!="string")throw new Error("entry_id must be the id of an NFC Jukebox reader");this._config=C}getCardSize(){return 4+Math.min(this._reader?.chips.length??0,6)}getGridOptions(){return{columns:12,min_columns:6,min_rows:4}}connectedCallback(){super.connectedCallback(),this.hass&&this._subscribe()}disconnectedCallback(){super.disconnectedCallback(),this._unsubscribeNow(),this._stopTicker()}willUpdate(C){C.has("hass")&&this.hass&&(C.get("hass")||G(this.hass).then(H=>{this._loaded=H}),this._subscribe()),C.has("_config")&&this._subscribe()}_subscribe(){if(!this.hass||!this._config||!this.isConnected)return;let C=this._config.entry_id??"";if(this._unsubscribe&&this._subscribedTo===C)return;this._unsubscribeNow(),this._subscribedTo=C;let H={type:`${v}/subscribe`};this._config.entry_id&&(H.entry_id=this._config.entry_id),this._unsubscribe=this.hass.connection.subscribeMessage(V=>{this._message=H2(this._message,V),this._syncTicker()},H),this._unsubscribe.catch(V=>{this._error=String(V.message??V)})}_unsubscribeNow(){this._unsubscribe&&this._unsubscribe.then(C=>C()).catch(()=>{}),this._unsubscribe=void 0,this._subscribedTo=void 0}_syncTicker(){this._reader?.sleep_until?(this._ticker??=window.setInterval(()=>{this._now=Date.now()},1e3),this._now=Date.now()):this._stopTicker()}_stopTicker(){this._ticker!==void 0&&window.clearInterval(this._ticker),this._ticker=void 0}get _reader(){let C=this._message?.readers??[];return this._config?.entry_id?C.find(H=>H.entry_id===this._config.entry_id):C[0]}get _lz(){return z(this.hass,this._loaded)}_t(C,H){return x(this._lz,C,H)}render(){if(!this.hass||!this._config)return i;if(!this._message||!this._loaded)return t`<ha-card><div class="loading"></div></ha-card>`;let C=this._reader;if(!C)return t`<ha-card>
        <ha-alert alert-type="warning">
          ${m(this._lz,"exceptions.reader_not_found.message")}
        </ha-alert>
      </ha-card>`;let H=this._message.can_edit;return t`<ha-card>
      ${this._renderHeader(C)}
      ${this._error?t`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${()=>this._error=void 0}>${this._error}</ha-alert>`:i}
      ${this._editing?t`<nfc-jukebox-chip-form
            .hass=${this.hass}
            .localize=${this._lz}
            .initial=${this._editing.initial}
            .isNew=${this._editing.subentryId===null}
            @chip-save=${this._save}
            @chip-cancel=${()=>this._editing=void 0}
          ></nfc-jukebox-chip-form>`:t`${this._renderNow(C,H)} ${this._renderChips(C,H)}`}
    </ha-card>`}_renderHeader(C){return t`<div class="header">
      <ha-svg-icon class="reader-icon" .path=${I1}></ha-svg-icon>
      <div class="title">${C.title}</div>
      ${C.available?i:t`<span class="badge unavailable">${this._t("reader_unavailable")}</span>`}
    </div>`}_renderNow(C,H){let V=C.chip,L=C.speaker?this.hass.states[C.speaker]:void 0,r=L?.state==="playing",e=L&&["playing","paused","buffering"].includes(L.state),o=e?L.attributes.media_title:void 0,A=e?L.attributes.entity_picture:void 0,d;return V?V.name?d=V.name:d=this._t("new_chip"):d=this._t("no_chip"),t`<div class="now">
      <div class="on-reader">
        <div class="chip-token ${V?"present":""}">
          <ha-svg-icon
            .path=${V?.kind==="control"?a1:i1}
          ></ha-svg-icon>
        </div>
        <div class="on-reader-text">
          <div class="primary">${d}</div>
          ${V?t`<div class="secondary uid">${V.uid}</div>`:i}
          ${V?.blocked?t`<div class="blocked">
                <ha-svg-icon .path=${u2[V.blocked]}></ha-svg-icon>${this._t(`blocked_${V.blocked}`)}
              </div>`:i}
          ${V&&!V.assignable?t`<div class="secondary">${this._t("phone")}</div>`:i}
        </div>
        ${V&&!V.name&&V.assignable&&H?t`<ha-button @click=${()=>this._assign(V.uid)}>${this._t("assign")}</ha-button>`:i}
      </div>
      <div class="player">
        <div class="artwork" style=${A?`background-image:url(${JSON.stringify(A)})`:""}>
          ${A?i:t`<ha-svg-icon .path=${j1}></ha-svg-icon>`}
        </div>
        <div class="player-text">
          <div class="primary">${o||this._t("nothing_plays")}</div>
          ${e&&C.progress&&(!V||V.uid===C.progress.uid)?t`<div class="secondary progress">
                ${this._t("track_of",{track:C.progress.track,tracks:C.progress.tracks})}
              </div>`:i}
          <div class="secondary">
            ${[e?L.attributes.media_artist:void 0,this._speakerName(C.speaker)].filter(Boolean).join(" · ")}
          </div>
        </div>
        ${e?t`<ha-icon-button
              .label=${this.hass.localize(r?"ui.card.media_player.media_pause":"ui.card.media_player.media_play")}
              .path=${r?U1:G1}
              @click=${()=>this._playPause(L.entity_id)}
            ></ha-icon-button>`:i}
      </div>
      ${C.sleep_until||!C.rules?t`<div class="facts">
            ${C.sleep_until?t`<span class="fact"
                  ><ha-svg-icon .path=${X1}></ha-svg-icon>${this._t("sleep_timer")}
                  ${this._timeLeft(C.sleep_until)}</span
                >`:i}
            ${C.rules?i:t`<span class="fact"
                  ><ha-svg-icon .path=${d1}></ha-svg-icon>${this._t("max_volume")}
                  ${C.max_volume}%</span
                >`}
          </div>`:i}
      ${C.rules?this._renderRules(C,C.rules,H):i}
    </div>`}_renderRules(C,H,V){let L=t`<ha-svg-icon .path=${H.jukebox_on?N1:A1}></ha-svg-icon
      >${H.jukebox_on?this._t("jukebox"):this._t("blocked_off")}`;return t`<div class="rules" role="group" aria-label=${this._t("house_rules")}>
      <div class="rules-title">${this._t("house_rules")}</div>
      <div class="facts">
        ${V?t`<button
              class="fact toggle ${H.jukebox_on?"on":"off"}"
              role="switch"
              aria-checked=${H.jukebox_on?"true":"false"}
              aria-label=${this._t("jukebox")}
              title=${this._t("jukebox")}
              @click=${()=>this._setRules(C,{jukebox_on:!H.jukebox_on})}
            >
              ${L}
            </button>`:t`<span class="fact ${H.jukebox_on?"on":"off"}">${L}</span>`}
        ${H.quiet_hours?t`<span class="fact quiet"
              ><ha-svg-icon .path=${p1}></ha-svg-icon>${this._t("quiet_hours")}</span
            >`:i}
        ${H.minutes_left!==null?t`<span class="fact ${H.minutes_left<=0?"off":""}"
              ><ha-svg-icon .path=${o1}></ha-svg-icon>${this._t("minutes_left",{minutes:H.minutes_left})}</span
            >`:i}
        ${H.minutes_left!==null&&V?t`<button class="fact action" @click=${()=>this._grant(C)}>
              <ha-svg-icon .path=${Y1}></ha-svg-icon>${this._t("grant")}
            </button>`:i}
        <span class="fact"
          ><ha-svg-icon .path=${d1}></ha-svg-icon>${this._t("volume_range",{min:H.volume[0],max:H.volume[1]})}</span
        >
      </div>
    </div>`}_renderChips(C,H){let V=this._search.trim().toLowerCase(),L=C.chips.filter(r=>!V||[r.name,r.uid,this._speakerName(r.speaker??null),this._music(r)].join(" ").toLowerCase().includes(V));return t`<div class="chips">
      <div class="chips-toolbar">
        ${C.chips.length?t`<label class="search">
              <ha-svg-icon .path=${W1}></ha-svg-icon>
              <input
                type="search"
                .value=${this._search}
                placeholder=${this._t("search")}
                aria-label=${this._t("search")}
                @input=${r=>this._search=r.target.value}
              />
            </label>`:t`<div class="secondary empty">${this._t("no_chips")}</div>`}
        ${H?t`<ha-button @click=${()=>this._assign(C.chip?.name?"":C.chip?.uid??"")}>
              <ha-svg-icon slot="start" .path=${K1}></ha-svg-icon>${this._t("add")}
            </ha-button>`:i}
      </div>
      ${V&&!L.length?t`<div class="secondary empty">${this._t("no_match")}</div>`:i}
      <ul class="chip-list">
        ${L.map(r=>this._renderChip(C,r,H))}
      </ul>
    </div>`}_renderChip(C,H,V){let L=C.chip?.subentry_id===H.subentry_id;if(this._deleting===H.subentry_id)return t`<li class="chip confirm">
        <div class="chip-text">${this._t("delete_confirm",{name:H.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._deleting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button variant="danger" @click=${()=>this._delete(C,H)}
            >${this._t("delete")}</ha-button
          >
        </div>
      </li>`;if(this._resetting===H.subentry_id)return t`<li class="chip confirm">
        <div class="chip-text">${this._t("reset_confirm",{name:H.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._resetting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button @click=${()=>this._reset(C,H)}>${this._t("reset_progress")}</ha-button>
        </div>
      </li>`;let r=H.kind==="music"?[this._music(H),this._speakerName(H.speaker??null)]:[m(this._lz,`selector.action.options.${H.action??""}`),H.action==="sleep_timer"&&H.minutes?new Intl.NumberFormat(this.hass.locale?.language??this.hass.language,{style:"unit",unit:"minute",unitDisplay:"long"}).format(H.minutes):""];return t`<li class="chip ${L?"on-reader-now":""}">
      <ha-svg-icon
        class="kind"
        .path=${H.kind==="music"?i1:a1}
        title=${this._t(H.kind==="music"?"music_chip":"control_chip")}
      ></ha-svg-icon>
      <div class="chip-text">
        <div class="primary">${H.name}</div>
        <div class="secondary"><span class="uid">${H.uid}</span></div>
        <div class="secondary">${r.filter(Boolean).join(" · ")}</div>
      </div>
      <div class="actions">
        ${H.kind==="music"?t`<ha-icon-button
              .label=${this._t("play_now")}
              .path=${z1}
              @click=${()=>this._play(C,H)}
            ></ha-icon-button>`:i}
        ${V&&H.kind==="music"?t`<ha-icon-button
              .label=${this._t("edit")}
              .path=${Q1}
              @click=${()=>this._edit(H)}
            ></ha-icon-button>`:i}
        ${V&&H.kind==="music"?t`<ha-icon-button
              .label=${this._t("reset_progress")}
              .path=${q1}
              @click=${()=>this._resetting=H.subentry_id}
            ></ha-icon-button>`:i}
        ${V?t`<ha-icon-button
              .label=${this._t("delete")}
              .path=${D1}
              @click=${()=>this._deleting=H.subentry_id}
            ></ha-icon-button>`:i}
      </div>
    </li>`}_speakerName(C){return C?this.hass.states[C]?.attributes.friendly_name??C:""}_music(C){let H=C.media;if(!H)return"";if(H.metadata?.title)return H.metadata.title;let V=H.media_content_id.split("/").pop()??H.media_content_id;try{return decodeURIComponent(V)}catch{return V}}_timeLeft(C){let H=Math.max(0,Math.round((Date.parse(C)-this._now)/1e3));return`${Math.floor(H/60)}:${String(H%60).padStart(2,"0")}`}_assign(C){let H={uid:C,name:"",play_on:D,playback:{...x1}},V=this._reader,L=V?.speaker??V?.chips.find(r=>r.speaker)?.speaker;L&&(H.media={entity_id:L,media_content_id:"",media_content_type:""}),this._editing={subentryId:null,initial:H}}_edit(C){let H={uid:C.uid,name:C.name,playback:{...x1,...C.playback}};C.media&&(H.media=C.media),H.play_on=C.play_on??D,this._editing={subentryId:C.subentry_id,initial:H}}async _save(C){let H=this._reader,V=this._editing;if(!H||!V)return;let L=C.target,r={type:`${v}/chip/save`,entry_id:H.entry_id,...C.detail};V.subentryId&&(r.subentry_id=V.subentryId);try{let e=await this.hass.callWS(r);if(e.errors){L.placeholders=e.placeholders,L.errors=e.errors;return}this._editing=void 0}catch(e){L.failure=this._failure(e)}}async _delete(C,H){this._deleting=void 0,await this._call({type:`${v}/chip/delete`,entry_id:C.entry_id,subentry_id:H.subentry_id})}async _reset(C,H){this._resetting=void 0,await this._call({type:`${v}/chip/reset`,entry_id:C.entry_id,subentry_id:H.subentry_id})}async _play(C,H){await this._call({type:`${v}/chip/play`,entry_id:C.entry_id,subentry_id:H.subentry_id})}async _setRules(C,H){await this._call({type:`${v}/rules/set`,entry_id:C.entry_id,...H})}async _grant(C){await this._call({type:`${v}/rules/grant`,entry_id:C.entry_id})}async _playPause(C){try{await this.hass.callService("media_player","media_play_pause",{entity_id:C})}catch(H){this._error=this._failure(H)}}async _call(C){try{await this.hass.callWS(C)}catch(H){this._error=this._failure(H)}}_failure(C){let H=C;if(H.translation_key){let V=m(this._lz,`exceptions.${H.translation_key}.message`);if(V)return V}return H.message??String(C)}};E.properties={hass:{attribute:!1},_config:{state:!0},_message:{state:!0},_search:{state:!0},_editing:{state:!0},_deleting:{state:!0},_resetting:{state:!0},_error:{state:!0},_now:{state:!0},_loaded:{state:!0}},E.styles=b`
    :host {
      display: block;
    }
    ha-card {
      height: 100%;
      overflow: hidden;
    }
    .loading {
      min-height: 120px;
    }
    .header {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 16px 16px 8px;
    }
    .reader-icon {
      color: var(--state-icon-color, var(--primary-color));
    }
    .title {
      flex: 1;
      font-size: var(--ha-font-size-xl, 20px);
      font-weight: var(--ha-font-weight-normal, 400);
      color: var(--primary-text-color);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .badge {
      font-size: var(--ha-font-size-s, 12px);
      padding: 2px 8px;
      border-radius: 12px;
    }
    .unavailable {
      background: var(--error-color);
      color: var(--text-primary-color, #fff);
    }
    .now {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 8px 16px 16px;
    }
    .on-reader,
    .player {
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 0;
    }
    .chip-token {
      flex: none;
      width: 48px;
      height: 48px;
      border-radius: 50%;
      border: 2px dashed var(--divider-color);
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
    }
    .chip-token.present {
      border: 2px solid var(--primary-color);
      background: var(--primary-color);
      color: var(--text-primary-color, #fff);
    }
    .on-reader-text,
    .player-text,
    .chip-text {
      flex: 1;
      min-width: 0;
    }
    .primary {
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-m, 14px);
      font-weight: var(--ha-font-weight-medium, 500);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .secondary {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .uid {
      font-family: var(--ha-font-family-code, monospace);
    }
    .artwork {
      flex: none;
      width: 48px;
      height: 48px;
      border-radius: var(--ha-card-border-radius, 12px);
      background: var(--secondary-background-color) center / cover no-repeat;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .fact {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 4px 10px;
      border-radius: 16px;
      background: var(--secondary-background-color);
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      --mdc-icon-size: 16px;
    }
    .fact ha-svg-icon {
      --mdc-icon-size: 16px;
      width: 16px;
      height: 16px;
    }
    .blocked {
      display: flex;
      align-items: center;
      gap: 4px;
      color: var(--warning-color);
      font-size: var(--ha-font-size-s, 12px);
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .blocked ha-svg-icon {
      --mdc-icon-size: 16px;
      width: 16px;
      height: 16px;
    }
    .rules {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .rules-title {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .rules .facts {
      align-items: center;
    }
    button.fact {
      border: none;
      font: inherit;
      font-size: var(--ha-font-size-s, 12px);
      cursor: pointer;
    }
    .fact.action {
      color: var(--primary-color);
      background: none;
      box-shadow: inset 0 0 0 1px var(--primary-color);
    }
    .fact.on {
      background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.15);
      color: var(--primary-color);
    }
    .fact.off {
      background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.15);
      color: var(--warning-color);
    }
    .fact.quiet {
      background: rgba(var(--rgb-indigo-color, 63, 81, 181), 0.15);
      color: var(--indigo-color, #3f51b5);
    }
    button.fact:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .chips {
      border-top: 1px solid var(--divider-color);
      padding: 8px 0 8px;
    }
    .chips-toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 0 16px;
    }
    .search {
      flex: 1;
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
      padding: 0 12px;
      height: 40px;
      border-radius: 20px;
      background: var(--secondary-background-color);
      color: var(--secondary-text-color);
    }
    .search input {
      flex: 1;
      min-width: 0;
      border: none;
      outline: none;
      background: none;
      color: var(--primary-text-color);
      font: inherit;
      font-size: var(--ha-font-size-m, 14px);
    }
    .empty {
      flex: 1;
      padding: 8px 0;
      white-space: normal;
    }
    .chip-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chip {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 6px 4px 6px 16px;
      min-width: 0;
    }
    .chip.on-reader-now {
      background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.1);
    }
    .chip.confirm .chip-text {
      white-space: normal;
      color: var(--primary-text-color);
    }
    .kind {
      flex: none;
      color: var(--state-icon-color, var(--secondary-text-color));
    }
    .actions {
      flex: none;
      display: flex;
      align-items: center;
      color: var(--secondary-text-color);
    }
    ha-alert {
      display: block;
      margin: 0 16px 8px;
    }
  `;customElements.define(n1,E);var s2=window.customCards??=[];s2.push({type:n1,name:"NFC Jukebox",description:"The reader, the chip on it, what plays, and every chip of the home.",preview:!0,documentationURL:"https://github.com/nfc-jukebox/nfc-jukebox#dashboard-card"});export{E as NfcJukeboxCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
