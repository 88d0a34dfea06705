var _5=Object.defineProperty;var $1=(M,H,C)=>()=>{if(C)throw C[0];try{return M&&(H=M(M=0)),H}catch(V){throw C=[V],V}};var k5=(M,H)=>{for(var C in H)_5(M,C,{get:H[C],enumerable:!0})};var L1,a5=$1(()=>{L1=class{constructor(H){this._map=new Map,this._roundAverageSize=!1,this.totalSize=0,H?.roundAverageSize===!0&&(this._roundAverageSize=!0)}set(H,C){let V=this._map.get(H)||0;this._map.set(H,C),this.totalSize+=C-V}get averageSize(){if(this._map.size>0){let H=this.totalSize/this._map.size;return this._roundAverageSize?Math.round(H):H}return 0}getSize(H){return this._map.get(H)}clear(){this._map.clear(),this.totalSize=0}}});function C2(M){return M==="horizontal"?"width":"height"}var _1,A5=$1(()=>{_1=class{_getDefaultConfig(){return{direction:"vertical"}}constructor(H,C){this._latestCoords={left:0,top:0},this._direction=null,this._viewportSize={width:0,height:0},this.totalScrollSize={width:0,height:0},this.offsetWithinScroller={left:0,top:0},this._pendingReflow=!1,this._pendingLayoutUpdate=!1,this._pin=null,this._firstVisible=0,this._lastVisible=0,this._physicalMin=0,this._physicalMax=0,this._first=-1,this._last=-1,this._sizeDim="height",this._secondarySizeDim="width",this._positionDim="top",this._secondaryPositionDim="left",this._scrollPosition=0,this._scrollError=0,this._items=[],this._scrollSize=1,this._overhang=1e3,this._hostSink=H,Promise.resolve().then(()=>this.config=C||this._getDefaultConfig())}set config(H){Object.assign(this,Object.assign({},this._getDefaultConfig(),H))}get config(){return{direction:this.direction}}get items(){return this._items}set items(H){this._setItems(H)}_setItems(H){H!==this._items&&(this._items=H,this._scheduleReflow())}get direction(){return this._direction}set direction(H){H=H==="horizontal"?H:"vertical",H!==this._direction&&(this._direction=H,this._sizeDim=H==="horizontal"?"width":"height",this._secondarySizeDim=H==="horizontal"?"height":"width",this._positionDim=H==="horizontal"?"left":"top",this._secondaryPositionDim=H==="horizontal"?"top":"left",this._triggerReflow())}get viewportSize(){return this._viewportSize}set viewportSize(H){let{_viewDim1:C,_viewDim2:V}=this;Object.assign(this._viewportSize,H),V!==this._viewDim2?this._scheduleLayoutUpdate():C!==this._viewDim1&&this._checkThresholds()}get viewportScroll(){return this._latestCoords}set viewportScroll(H){Object.assign(this._latestCoords,H);let C=this._scrollPosition;this._scrollPosition=this._latestCoords[this._positionDim],Math.abs(C-this._scrollPosition)>=1&&this._checkThresholds()}reflowIfNeeded(H=!1){(H||this._pendingReflow)&&(this._pendingReflow=!1,this._reflow())}set pin(H){this._pin=H,this._triggerReflow()}get pin(){if(this._pin!==null){let{index:H,block:C}=this._pin;return{index:Math.max(0,Math.min(H,this.items.length-1)),block:C}}return null}_clampScrollPosition(H){return Math.max(-this.offsetWithinScroller[this._positionDim],Math.min(H,this.totalScrollSize[C2(this.direction)]-this._viewDim1))}unpin(){this._pin!==null&&(this._sendUnpinnedMessage(),this._pin=null)}_updateLayout(){}get _viewDim1(){return this._viewportSize[this._sizeDim]}get _viewDim2(){return this._viewportSize[this._secondarySizeDim]}_scheduleReflow(){this._pendingReflow=!0}_scheduleLayoutUpdate(){this._pendingLayoutUpdate=!0,this._scheduleReflow()}_triggerReflow(){this._scheduleLayoutUpdate(),Promise.resolve().then(()=>this.reflowIfNeeded())}_reflow(){this._pendingLayoutUpdate&&(this._updateLayout(),this._pendingLayoutUpdate=!1),this._updateScrollSize(),this._setPositionFromPin(),this._getActiveItems(),this._updateVisibleIndices(),this._sendStateChangedMessage()}_setPositionFromPin(){if(this.pin!==null){let H=this._scrollPosition,{index:C,block:V}=this.pin;this._scrollPosition=this._calculateScrollIntoViewPosition({index:C,block:V||"start"})-this.offsetWithinScroller[this._positionDim],this._scrollError=H-this._scrollPosition}}_calculateScrollIntoViewPosition(H){let{block:C}=H,V=Math.min(this.items.length,Math.max(0,H.index)),L=this._getItemPosition(V)[this._positionDim],e=L;if(C!=="start"){let r=this._getItemSize(V)[this._sizeDim];if(C==="center")e=L-.5*this._viewDim1+.5*r;else{let t=L-this._viewDim1+r;if(C==="end")e=t;else{let i=this._scrollPosition;e=Math.abs(i-L)<Math.abs(i-t)?L:t}}}return e+=this.offsetWithinScroller[this._positionDim],this._clampScrollPosition(e)}getScrollIntoViewCoordinates(H){return{[this._positionDim]:this._calculateScrollIntoViewPosition(H)}}_sendUnpinnedMessage(){this._hostSink({type:"unpinned"})}_sendVisibilityChangedMessage(){this._hostSink({type:"visibilityChanged",firstVisible:this._firstVisible,lastVisible:this._lastVisible})}_sendStateChangedMessage(){let H=new Map;if(this._first!==-1&&this._last!==-1)for(let V=this._first;V<=this._last;V++)H.set(V,this._getItemPosition(V));let C={type:"stateChanged",scrollSize:{[this._sizeDim]:this._scrollSize,[this._secondarySizeDim]:null},range:{first:this._first,last:this._last,firstVisible:this._firstVisible,lastVisible:this._lastVisible},childPositions:H};this._scrollError&&(C.scrollError={[this._positionDim]:this._scrollError,[this._secondaryPositionDim]:0},this._scrollError=0),this._hostSink(C)}get _num(){return this._first===-1||this._last===-1?0:this._last-this._first+1}_checkThresholds(){if(this._viewDim1===0&&this._num>0||this._pin!==null)this._scheduleReflow();else{let H=Math.max(0,this._scrollPosition-this._overhang),C=Math.min(this._scrollSize,this._scrollPosition+this._viewDim1+this._overhang);this._physicalMin>H||this._physicalMax<C?this._scheduleReflow():this._updateVisibleIndices({emit:!0})}}_updateVisibleIndices(H){if(this._first===-1||this._last===-1)return;let C=this._first;for(;C<this._last&&Math.round(this._getItemPosition(C)[this._positionDim]+this._getItemSize(C)[this._sizeDim])<=Math.round(this._scrollPosition);)C++;let V=this._last;for(;V>this._first&&Math.round(this._getItemPosition(V)[this._positionDim])>=Math.round(this._scrollPosition+this._viewDim1);)V--;(C!==this._firstVisible||V!==this._lastVisible)&&(this._firstVisible=C,this._lastVisible=V,H&&H.emit&&this._sendVisibilityChangedMessage())}}});var p5={};k5(p5,{FlowLayout:()=>k1,flow:()=>Q5});function d5(M){return M==="horizontal"?"marginLeft":"marginTop"}function G5(M){return M==="horizontal"?"marginRight":"marginBottom"}function j5(M){return M==="horizontal"?"xOffset":"yOffset"}function K5(M,H){let C=[M,H].sort();return C[1]<=0?Math.min(...C):C[0]>=0?Math.max(...C):C[0]+C[1]}var Q5,H2,k1,n5=$1(()=>{a5();A5();Q5=M=>Object.assign({type:k1},M);H2=class{constructor(){this._childSizeCache=new L1,this._marginSizeCache=new L1,this._metricsCache=new Map}update(H,C){let V=new Set;Object.keys(H).forEach(L=>{let e=Number(L);this._metricsCache.set(e,H[e]),this._childSizeCache.set(e,H[e][C2(C)]),V.add(e),V.add(e+1)});for(let L of V){let e=this._metricsCache.get(L)?.[d5(C)]||0,r=this._metricsCache.get(L-1)?.[G5(C)]||0;this._marginSizeCache.set(L,K5(e,r))}}get averageChildSize(){return this._childSizeCache.averageSize}get totalChildSize(){return this._childSizeCache.totalSize}get averageMarginSize(){return this._marginSizeCache.averageSize}get totalMarginSize(){return this._marginSizeCache.totalSize}getLeadingMarginValue(H,C){return this._metricsCache.get(H)?.[d5(C)]||0}getChildSize(H){return this._childSizeCache.getSize(H)}getMarginSize(H){return this._marginSizeCache.getSize(H)}clear(){this._childSizeCache.clear(),this._marginSizeCache.clear(),this._metricsCache.clear()}},k1=class extends _1{constructor(){super(...arguments),this._itemSize={width:100,height:100},this._physicalItems=new Map,this._newPhysicalItems=new Map,this._metricsCache=new H2,this._anchorIdx=null,this._anchorPos=null,this._stable=!0,this._measureChildren=!0,this._estimate=!0}get measureChildren(){return this._measureChildren}updateItemSizes(H){this._metricsCache.update(H,this.direction),this._scheduleReflow()}_getPhysicalItem(H){return this._newPhysicalItems.get(H)??this._physicalItems.get(H)}_getSize(H){return this._getPhysicalItem(H)&&this._metricsCache.getChildSize(H)}_getAverageSize(){return this._metricsCache.averageChildSize||this._itemSize[this._sizeDim]}_estimatePosition(H){let C=this._metricsCache;if(this._first===-1||this._last===-1)return C.averageMarginSize+H*(C.averageMarginSize+this._getAverageSize());if(H<this._first){let V=this._first-H;return this._getPhysicalItem(this._first).pos-(C.getMarginSize(this._first-1)||C.averageMarginSize)-(V*C.averageChildSize+(V-1)*C.averageMarginSize)}else{let V=H-this._last;return this._getPhysicalItem(this._last).pos+(C.getChildSize(this._last)||C.averageChildSize)+(C.getMarginSize(this._last)||C.averageMarginSize)+V*(C.averageChildSize+C.averageMarginSize)}}_getPosition(H){let C=this._getPhysicalItem(H),{averageMarginSize:V}=this._metricsCache;return H===0?this._metricsCache.getMarginSize(0)??V:C?C.pos:this._estimatePosition(H)}_calculateAnchor(H,C){return H<=0?0:C>this._scrollSize-this._viewDim1?this.items.length-1:Math.max(0,Math.min(this.items.length-1,Math.floor((H+C)/2/this._delta)))}_getAnchor(H,C){if(this._physicalItems.size===0)return this._calculateAnchor(H,C);if(this._first<0)return this._calculateAnchor(H,C);if(this._last<0)return this._calculateAnchor(H,C);let V=this._getPhysicalItem(this._first),L=this._getPhysicalItem(this._last),e=V.pos;if(L.pos+this._metricsCache.getChildSize(this._last)<H)return this._calculateAnchor(H,C);if(e>C)return this._calculateAnchor(H,C);let i=this._firstVisible-1,A=-1/0;for(;A<H;)A=this._getPhysicalItem(++i).pos+this._metricsCache.getChildSize(i);return i}_getActiveItems(){this._viewDim1===0||this.items.length===0?this._clearItems():this._getItems()}_clearItems(){this._first=-1,this._last=-1,this._physicalMin=0,this._physicalMax=0;let H=this._newPhysicalItems;this._newPhysicalItems=this._physicalItems,this._newPhysicalItems.clear(),this._physicalItems=H,this._stable=!0}_getItems(){let H=this._newPhysicalItems;this._stable=!0;let C,V;if(this.pin!==null){let{index:A}=this.pin;this._anchorIdx=A,this._anchorPos=this._getPosition(A)}if(C=this._scrollPosition-this._overhang,V=this._scrollPosition+this._viewDim1+this._overhang,V<0||C>this._scrollSize){this._clearItems();return}(this._anchorIdx===null||this._anchorPos===null)&&(this._anchorIdx=this._getAnchor(C,V),this._anchorPos=this._getPosition(this._anchorIdx));let L=this._getSize(this._anchorIdx);L===void 0&&(this._stable=!1,L=this._getAverageSize());let e=this._metricsCache.getMarginSize(this._anchorIdx)??this._metricsCache.averageMarginSize,r=this._metricsCache.getMarginSize(this._anchorIdx+1)??this._metricsCache.averageMarginSize;this._anchorIdx===0&&(this._anchorPos=e),this._anchorIdx===this.items.length-1&&(this._anchorPos=this._scrollSize-r-L);let t=0;for(this._anchorPos+L+r<C&&(t=C-(this._anchorPos+L+r)),this._anchorPos-e>V&&(t=V-(this._anchorPos-e)),t&&(this._scrollPosition-=t,C-=t,V-=t,this._scrollError+=t),H.set(this._anchorIdx,{pos:this._anchorPos,size:L}),this._first=this._last=this._anchorIdx,this._physicalMin=this._anchorPos-e,this._physicalMax=this._anchorPos+L+r;this._physicalMin>C&&this._first>0;){let A=this._getSize(--this._first);A===void 0&&(this._stable=!1,A=this._getAverageSize());let p=this._metricsCache.getMarginSize(this._first);p===void 0&&(this._stable=!1,p=this._metricsCache.averageMarginSize),this._physicalMin-=A;let d=this._physicalMin;if(H.set(this._first,{pos:d,size:A}),this._physicalMin-=p,this._stable===!1&&this._estimate===!1)break}for(;this._physicalMax<V&&this._last<this.items.length-1;){let A=this._getSize(++this._last);A===void 0&&(this._stable=!1,A=this._getAverageSize());let p=this._metricsCache.getMarginSize(this._last);p===void 0&&(this._stable=!1,p=this._metricsCache.averageMarginSize);let d=this._physicalMax;if(H.set(this._last,{pos:d,size:A}),this._physicalMax+=A+p,!this._stable&&!this._estimate)break}let i=this._calculateError();i&&(this._physicalMin-=i,this._physicalMax-=i,this._anchorPos-=i,this._scrollPosition-=i,H.forEach(A=>A.pos-=i),this._scrollError+=i),this._stable&&(this._newPhysicalItems=this._physicalItems,this._newPhysicalItems.clear(),this._physicalItems=H)}_calculateError(){return this._first===0?this._physicalMin:this._physicalMin<=0?this._physicalMin-this._first*this._delta:this._last===this.items.length-1?this._physicalMax-this._scrollSize:this._physicalMax>=this._scrollSize?this._physicalMax-this._scrollSize+(this.items.length-1-this._last)*this._delta:0}_reflow(){let{_first:H,_last:C}=this;super._reflow(),(this._first===-1&&this._last==-1||this._first===H&&this._last===C)&&this._resetReflowState()}_resetReflowState(){this._anchorIdx=null,this._anchorPos=null,this._stable=!0}_updateScrollSize(){let{averageMarginSize:H}=this._metricsCache;this._scrollSize=Math.max(1,this.items.length*(H+this._getAverageSize())+H)}get _delta(){let{averageMarginSize:H}=this._metricsCache;return this._getAverageSize()+H}_getItemPosition(H){return{[this._positionDim]:this._getPosition(H),[this._secondaryPositionDim]:0,[j5(this.direction)]:-(this._metricsCache.getLeadingMarginValue(H,this.direction)??this._metricsCache.averageMarginSize)}}_getItemSize(H){return{[this._sizeDim]:this._getSize(H)||this._getAverageSize(),[this._secondarySizeDim]:this._itemSize[this._secondarySizeDim]}}_viewDim2Changed(){this._metricsCache.clear(),this._scheduleReflow()}}});var d1=globalThis,p1=d1.ShadowRoot&&(d1.ShadyCSS===void 0||d1.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,D1=Symbol(),p2=new WeakMap,I=class{constructor(H,C,V){if(this._$cssResult$=!0,V!==D1)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=H,this.t=C}get styleSheet(){let H=this.o,C=this.t;if(p1&&H===void 0){let V=C!==void 0&&C.length===1;V&&(H=p2.get(C)),H===void 0&&((this.o=H=new CSSStyleSheet).replaceSync(this.cssText),V&&p2.set(C,H))}return H}toString(){return this.cssText}},n2=M=>new I(typeof M=="string"?M:M+"",void 0,D1),u=(M,...H)=>{let C=M.length===1?M[0]:H.reduce((V,L,e)=>V+(r=>{if(r._$cssResult$===!0)return r.cssText;if(typeof r=="number")return r;throw Error("Value passed to 'css' function must be a 'css' function result: "+r+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(L)+M[e+1],M[0]);return new I(C,M,D1)},m2=(M,H)=>{if(p1)M.adoptedStyleSheets=H.map(C=>C instanceof CSSStyleSheet?C:C.styleSheet);else for(let C of H){let V=document.createElement("style"),L=d1.litNonce;L!==void 0&&V.setAttribute("nonce",L),V.textContent=C.cssText,M.appendChild(V)}},z1=p1?M=>M:M=>M instanceof CSSStyleSheet?(H=>{let C="";for(let V of H.cssRules)C+=V.cssText;return n2(C)})(M):M;var{is:y5,defineProperty:b5,getOwnPropertyDescriptor:w5,getOwnPropertyNames:P5,getOwnPropertySymbols:B5,getPrototypeOf:T5}=Object,n1=globalThis,l2=n1.trustedTypes,R5=l2?l2.emptyScript:"",F5=n1.reactiveElementPolyfillSupport,N=(M,H)=>M,I1={toAttribute(M,H){switch(H){case Boolean:M=M?R5:null;break;case Object:case Array:M=M==null?M:JSON.stringify(M)}return M},fromAttribute(M,H){let C=M;switch(H){case Boolean:C=M!==null;break;case Number:C=M===null?null:Number(M);break;case Object:case Array:try{C=JSON.parse(M)}catch{C=null}}return C}},s2=(M,H)=>!y5(M,H),v2={attribute:!0,type:String,converter:I1,reflect:!1,useDefault:!1,hasChanged:s2};Symbol.metadata??=Symbol("metadata"),n1.litPropertyMetadata??=new WeakMap;var f=class extends HTMLElement{static addInitializer(H){this._$Ei(),(this.l??=[]).push(H)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(H,C=v2){if(C.state&&(C.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(H)&&((C=Object.create(C)).wrapped=!0),this.elementProperties.set(H,C),!C.noAccessor){let V=Symbol(),L=this.getPropertyDescriptor(H,V,C);L!==void 0&&b5(this.prototype,H,L)}}static getPropertyDescriptor(H,C,V){let{get:L,set:e}=w5(this.prototype,H)??{get(){return this[C]},set(r){this[C]=r}};return{get:L,set(r){let t=L?.call(this);e?.call(this,r),this.requestUpdate(H,t,V)},configurable:!0,enumerable:!0}}static getPropertyOptions(H){return this.elementProperties.get(H)??v2}static _$Ei(){if(this.hasOwnProperty(N("elementProperties")))return;let H=T5(this);H.finalize(),H.l!==void 0&&(this.l=[...H.l]),this.elementProperties=new Map(H.elementProperties)}static finalize(){if(this.hasOwnProperty(N("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(N("properties"))){let C=this.properties,V=[...P5(C),...B5(C)];for(let L of V)this.createProperty(L,C[L])}let H=this[Symbol.metadata];if(H!==null){let C=litPropertyMetadata.get(H);if(C!==void 0)for(let[V,L]of C)this.elementProperties.set(V,L)}this._$Eh=new Map;for(let[C,V]of this.elementProperties){let L=this._$Eu(C,V);L!==void 0&&this._$Eh.set(L,C)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(H){let C=[];if(Array.isArray(H)){let V=new Set(H.flat(1/0).reverse());for(let L of V)C.unshift(z1(L))}else H!==void 0&&C.push(z1(H));return C}static _$Eu(H,C){let V=C.attribute;return V===!1?void 0:typeof V=="string"?V:typeof H=="string"?H.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(H=>this.enableUpdating=H),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(H=>H(this))}addController(H){(this._$EO??=new Set).add(H),this.renderRoot!==void 0&&this.isConnected&&H.hostConnected?.()}removeController(H){this._$EO?.delete(H)}_$E_(){let H=new Map,C=this.constructor.elementProperties;for(let V of C.keys())this.hasOwnProperty(V)&&(H.set(V,this[V]),delete this[V]);H.size>0&&(this._$Ep=H)}createRenderRoot(){let H=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return m2(H,this.constructor.elementStyles),H}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(H=>H.hostConnected?.())}enableUpdating(H){}disconnectedCallback(){this._$EO?.forEach(H=>H.hostDisconnected?.())}attributeChangedCallback(H,C,V){this._$AK(H,V)}_$ET(H,C){let V=this.constructor.elementProperties.get(H),L=this.constructor._$Eu(H,V);if(L!==void 0&&V.reflect===!0){let e=(V.converter?.toAttribute!==void 0?V.converter:I1).toAttribute(C,V.type);this._$Em=H,e==null?this.removeAttribute(L):this.setAttribute(L,e),this._$Em=null}}_$AK(H,C){let V=this.constructor,L=V._$Eh.get(H);if(L!==void 0&&this._$Em!==L){let e=V.getPropertyOptions(L),r=typeof e.converter=="function"?{fromAttribute:e.converter}:e.converter?.fromAttribute!==void 0?e.converter:I1;this._$Em=L;let t=r.fromAttribute(C,e.type);this[L]=t??this._$Ej?.get(L)??t,this._$Em=null}}requestUpdate(H,C,V,L=!1,e){if(H!==void 0){let r=this.constructor;if(L===!1&&(e=this[H]),V??=r.getPropertyOptions(H),!((V.hasChanged??s2)(e,C)||V.useDefault&&V.reflect&&e===this._$Ej?.get(H)&&!this.hasAttribute(r._$Eu(H,V))))return;this.C(H,C,V)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(H,C,{useDefault:V,reflect:L,wrapped:e},r){V&&!(this._$Ej??=new Map).has(H)&&(this._$Ej.set(H,r??C??this[H]),e!==!0||r!==void 0)||(this._$AL.has(H)||(this.hasUpdated||V||(C=void 0),this._$AL.set(H,C)),L===!0&&this._$Em!==H&&(this._$Eq??=new Set).add(H))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(C){Promise.reject(C)}let H=this.scheduleUpdate();return H!=null&&await H,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[L,e]of this._$Ep)this[L]=e;this._$Ep=void 0}let V=this.constructor.elementProperties;if(V.size>0)for(let[L,e]of V){let{wrapped:r}=e,t=this[L];r!==!0||this._$AL.has(L)||t===void 0||this.C(L,void 0,e,t)}}let H=!1,C=this._$AL;try{H=this.shouldUpdate(C),H?(this.willUpdate(C),this._$EO?.forEach(V=>V.hostUpdate?.()),this.update(C)):this._$EM()}catch(V){throw H=!1,this._$EM(),V}H&&this._$AE(C)}willUpdate(H){}_$AE(H){this._$EO?.forEach(C=>C.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(H)),this.updated(H)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(H){return!0}update(H){this._$Eq&&=this._$Eq.forEach(C=>this._$ET(C,this[C])),this._$EM()}updated(H){}firstUpdated(H){}};f.elementStyles=[],f.shadowRootOptions={mode:"open"},f[N("elementProperties")]=new Map,f[N("finalized")]=new Map,F5?.({ReactiveElement:f}),(n1.reactiveElementVersions??=[]).push("2.1.2");var W1=globalThis,x2=M=>M,m1=W1.trustedTypes,Z2=m1?m1.createPolicy("lit-html",{createHTML:M=>M}):void 0,U1="$lit$",g=`lit$${Math.random().toFixed(9).slice(2)}$`,Q1="?"+g,E5=`<${Q1}>`,b=document,U=()=>b.createComment(""),Q=M=>M===null||typeof M!="object"&&typeof M!="function",G1=Array.isArray,g2=M=>G1(M)||typeof M?.[Symbol.iterator]=="function",N1=`[ 	
\f\r]`,W=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,u2=/-->/g,c2=/>/g,k=RegExp(`>|${N1}(?:([^\\s"'>=/]+)(${N1}*=${N1}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),S2=/'/g,h2=/"/g,O2=/^(?:script|style|textarea|title)$/i,j1=M=>(H,...C)=>({_$litType$:M,strings:H,values:C}),o=j1(1),_3=j1(2),k3=j1(3),S=Symbol.for("lit-noChange"),a=Symbol.for("lit-nothing"),f2=new WeakMap,y=b.createTreeWalker(b,129);function _2(M,H){if(!G1(M)||!M.hasOwnProperty("raw"))throw Error("invalid template strings array");return Z2!==void 0?Z2.createHTML(H):H}var k2=(M,H)=>{let C=M.length-1,V=[],L,e=H===2?"<svg>":H===3?"<math>":"",r=W;for(let t=0;t<C;t++){let i=M[t],A,p,d=-1,l=0;for(;l<i.length&&(r.lastIndex=l,p=r.exec(i),p!==null);)l=r.lastIndex,r===W?p[1]==="!--"?r=u2:p[1]!==void 0?r=c2:p[2]!==void 0?(O2.test(p[2])&&(L=RegExp("</"+p[2],"g")),r=k):p[3]!==void 0&&(r=k):r===k?p[0]===">"?(r=L??W,d=-1):p[1]===void 0?d=-2:(d=r.lastIndex-p[2].length,A=p[1],r=p[3]===void 0?k:p[3]==='"'?h2:S2):r===h2||r===S2?r=k:r===u2||r===c2?r=W:(r=k,L=void 0);let m=r===k&&M[t+1].startsWith("/>")?" ":"";e+=r===W?i+E5:d>=0?(V.push(A),i.slice(0,d)+U1+i.slice(d)+g+m):i+g+(d===-2?t:m)}return[_2(M,e+(M[C]||"<?>")+(H===2?"</svg>":H===3?"</math>":"")),V]},G=class M{constructor({strings:H,_$litType$:C},V){let L;this.parts=[];let e=0,r=0,t=H.length-1,i=this.parts,[A,p]=k2(H,C);if(this.el=M.createElement(A,V),y.currentNode=this.el.content,C===2||C===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(L=y.nextNode())!==null&&i.length<t;){if(L.nodeType===1){if(L.hasAttributes())for(let d of L.getAttributeNames())if(d.endsWith(U1)){let l=p[r++],m=L.getAttribute(d).split(g),x=/([.?@])?(.*)/.exec(l);i.push({type:1,index:e,name:x[2],strings:m,ctor:x[1]==="."?v1:x[1]==="?"?s1:x[1]==="@"?x1:P}),L.removeAttribute(d)}else d.startsWith(g)&&(i.push({type:6,index:e}),L.removeAttribute(d));if(O2.test(L.tagName)){let d=L.textContent.split(g),l=d.length-1;if(l>0){L.textContent=m1?m1.emptyScript:"";for(let m=0;m<l;m++)L.append(d[m],U()),y.nextNode(),i.push({type:2,index:++e});L.append(d[l],U())}}}else if(L.nodeType===8)if(L.data===Q1)i.push({type:2,index:e});else{let d=-1;for(;(d=L.data.indexOf(g,d+1))!==-1;)i.push({type:7,index:e}),d+=g.length-1}e++}}static createElement(H,C){let V=b.createElement("template");return V.innerHTML=H,V}};function w(M,H,C=M,V){if(H===S)return H;let L=V!==void 0?C._$Co?.[V]:C._$Cl,e=Q(H)?void 0:H._$litDirective$;return L?.constructor!==e&&(L?._$AO?.(!1),e===void 0?L=void 0:(L=new e(M),L._$AT(M,C,V)),V!==void 0?(C._$Co??=[])[V]=L:C._$Cl=L),L!==void 0&&(H=w(M,L._$AS(M,H.values),L,V)),H}var l1=class{constructor(H,C){this._$AV=[],this._$AN=void 0,this._$AD=H,this._$AM=C}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(H){let{el:{content:C},parts:V}=this._$AD,L=(H?.creationScope??b).importNode(C,!0);y.currentNode=L;let e=y.nextNode(),r=0,t=0,i=V[0];for(;i!==void 0;){if(r===i.index){let A;i.type===2?A=new T(e,e.nextSibling,this,H):i.type===1?A=new i.ctor(e,i.name,i.strings,this,H):i.type===6&&(A=new Z1(e,this,H)),this._$AV.push(A),i=V[++t]}r!==i?.index&&(e=y.nextNode(),r++)}return y.currentNode=b,L}p(H){let C=0;for(let V of this._$AV)V!==void 0&&(V.strings!==void 0?(V._$AI(H,V,C),C+=V.strings.length-2):V._$AI(H[C])),C++}},T=class M{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(H,C,V,L){this.type=2,this._$AH=a,this._$AN=void 0,this._$AA=H,this._$AB=C,this._$AM=V,this.options=L,this._$Cv=L?.isConnected??!0}get parentNode(){let H=this._$AA.parentNode,C=this._$AM;return C!==void 0&&H?.nodeType===11&&(H=C.parentNode),H}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(H,C=this){H=w(this,H,C),Q(H)?H===a||H==null||H===""?(this._$AH!==a&&this._$AR(),this._$AH=a):H!==this._$AH&&H!==S&&this._(H):H._$litType$!==void 0?this.$(H):H.nodeType!==void 0?this.T(H):g2(H)?this.k(H):this._(H)}O(H){return this._$AA.parentNode.insertBefore(H,this._$AB)}T(H){this._$AH!==H&&(this._$AR(),this._$AH=this.O(H))}_(H){this._$AH!==a&&Q(this._$AH)?this._$AA.nextSibling.data=H:this.T(b.createTextNode(H)),this._$AH=H}$(H){let{values:C,_$litType$:V}=H,L=typeof V=="number"?this._$AC(H):(V.el===void 0&&(V.el=G.createElement(_2(V.h,V.h[0]),this.options)),V);if(this._$AH?._$AD===L)this._$AH.p(C);else{let e=new l1(L,this),r=e.u(this.options);e.p(C),this.T(r),this._$AH=e}}_$AC(H){let C=f2.get(H.strings);return C===void 0&&f2.set(H.strings,C=new G(H)),C}k(H){G1(this._$AH)||(this._$AH=[],this._$AR());let C=this._$AH,V,L=0;for(let e of H)L===C.length?C.push(V=new M(this.O(U()),this.O(U()),this,this.options)):V=C[L],V._$AI(e),L++;L<C.length&&(this._$AR(V&&V._$AB.nextSibling,L),C.length=L)}_$AR(H=this._$AA.nextSibling,C){for(this._$AP?.(!1,!0,C);H!==this._$AB;){let V=x2(H).nextSibling;x2(H).remove(),H=V}}setConnected(H){this._$AM===void 0&&(this._$Cv=H,this._$AP?.(H))}},P=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(H,C,V,L,e){this.type=1,this._$AH=a,this._$AN=void 0,this.element=H,this.name=C,this._$AM=L,this.options=e,V.length>2||V[0]!==""||V[1]!==""?(this._$AH=Array(V.length-1).fill(new String),this.strings=V):this._$AH=a}_$AI(H,C=this,V,L){let e=this.strings,r=!1;if(e===void 0)H=w(this,H,C,0),r=!Q(H)||H!==this._$AH&&H!==S,r&&(this._$AH=H);else{let t=H,i,A;for(H=e[0],i=0;i<e.length-1;i++)A=w(this,t[V+i],C,i),A===S&&(A=this._$AH[i]),r||=!Q(A)||A!==this._$AH[i],A===a?H=a:H!==a&&(H+=(A??"")+e[i+1]),this._$AH[i]=A}r&&!L&&this.j(H)}j(H){H===a?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,H??"")}},v1=class extends P{constructor(){super(...arguments),this.type=3}j(H){this.element[this.name]=H===a?void 0:H}},s1=class extends P{constructor(){super(...arguments),this.type=4}j(H){this.element.toggleAttribute(this.name,!!H&&H!==a)}},x1=class extends P{constructor(H,C,V,L,e){super(H,C,V,L,e),this.type=5}_$AI(H,C=this){if((H=w(this,H,C,0)??a)===S)return;let V=this._$AH,L=H===a&&V!==a||H.capture!==V.capture||H.once!==V.once||H.passive!==V.passive,e=H!==a&&(V===a||L);L&&this.element.removeEventListener(this.name,this,V),e&&this.element.addEventListener(this.name,this,H),this._$AH=H}handleEvent(H){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,H):this._$AH.handleEvent(H)}},Z1=class{constructor(H,C,V){this.element=H,this.type=6,this._$AN=void 0,this._$AM=C,this.options=V}get _$AU(){return this._$AM._$AU}_$AI(H){w(this,H)}},y2={M:U1,P:g,A:Q1,C:1,L:k2,R:l1,D:g2,V:w,I:T,H:P,N:s1,U:x1,B:v1,F:Z1},$5=W1.litHtmlPolyfillSupport;$5?.(G,T),(W1.litHtmlVersions??=[]).push("3.3.3");var b2=(M,H,C)=>{let V=C?.renderBefore??H,L=V._$litPart$;if(L===void 0){let e=C?.renderBefore??null;V._$litPart$=L=new T(H.insertBefore(U(),e),e,void 0,C??{})}return L._$AI(M),L};var K1=globalThis,Z=class extends f{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let H=super.createRenderRoot();return this.renderOptions.renderBefore??=H.firstChild,H}update(H){let C=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(H),this._$Do=b2(C,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return S}};Z._$litElement$=!0,Z.finalized=!0,K1.litElementHydrateSupport?.({LitElement:Z});var D5=K1.litElementPolyfillSupport;D5?.({LitElement:Z});(K1.litElementVersions??=[]).push("4.2.2");var w2="M20,11V13H8L13.5,18.5L12.08,19.92L4.16,12L12.08,4.08L13.5,5.5L8,11H20Z";var q1="M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z";var P2="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var B2="M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z";var T2="M5,20H19V18H5M19,9H15V3H9V9H5L12,16L19,9Z";var R2="M22 8V11H20V8H4V18H13.78C13.38 18.59 13.13 19.26 13.04 20H4C2.9 20 2 19.11 2 18V6C2 4.89 2.89 4 4 4H10L12 6H20C21.1 6 22 6.89 22 8M18.5 13V18.21C18.19 18.07 17.86 18 17.5 18C16.12 18 15 19.12 15 20.5S16.12 23 17.5 23 20 21.88 20 20.5V15H22V13H18.5Z";var F2="M20,18H4V8H20M20,6H12L10,4H4C2.89,4 2,4.89 2,6V18A2,2 0 0,0 4,20H20A2,2 0 0,0 22,18V8C22,6.89 21.1,6 20,6Z";var E2="M13.3 21H5C3.9 21 3 20.1 3 19V5C3 3.9 3.9 3 5 3H19C20.1 3 21 3.9 21 5V13.3C20.4 13.1 19.7 13 19 13C17.9 13 16.8 13.3 15.9 13.9L14.5 12L11 16.5L8.5 13.5L5 18H13.1C13 18.3 13 18.7 13 19C13 19.7 13.1 20.4 13.3 21M20.4 19L22.5 21.1L21.1 22.5L19 20.4L16.9 22.5L15.5 21.1L17.6 19L15.5 16.9L16.9 15.5L19 17.6L21.1 15.5L22.5 16.9L20.4 19Z";var $2="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var D2="M12,2A3,3 0 0,1 15,5V11A3,3 0 0,1 12,14A3,3 0 0,1 9,11V5A3,3 0 0,1 12,2M19,11C19,14.53 16.39,17.44 13,17.93V21H11V17.93C7.61,17.44 5,14.53 5,11H7A5,5 0 0,0 12,16A5,5 0 0,0 17,11H19Z";var j="M21,3V15.5A3.5,3.5 0 0,1 17.5,19A3.5,3.5 0 0,1 14,15.5A3.5,3.5 0 0,1 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L9,8.6V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V6L21,3Z";var z2="M16,9H13V14.5A2.5,2.5 0 0,1 10.5,17A2.5,2.5 0 0,1 8,14.5A2.5,2.5 0 0,1 10.5,12C11.07,12 11.58,12.19 12,12.5V7H16M19,3H5A2,2 0 0,0 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5A2,2 0 0,0 19,3Z";var I2="M12 3V13.55C11.41 13.21 10.73 13 10 13C7.79 13 6 14.79 6 17S7.79 21 10 21 14 19.21 14 17V7H18V3H12Z";var K="M2,5.27L3.28,4L20,20.72L18.73,22L9,12.27V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V10.27L2,5.27M21,3V15.5C21,16.5 20.57,17.42 19.88,18.06L14.94,13.12C15.58,12.43 16.5,12 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L10.17,8.35L7.66,5.84L21,3Z";var N2="M18,6H13A2,2 0 0,0 11,8V10.28C10.41,10.62 10,11.26 10,12A2,2 0 0,0 12,14C13.11,14 14,13.1 14,12C14,11.26 13.6,10.62 13,10.28V8H16V16H8V8H10V6H8L6,6V18H18M20,20H4V4H20M20,2H4A2,2 0 0,0 2,4V20A2,2 0 0,0 4,22H20C21.11,22 22,21.1 22,20V4C22,2.89 21.11,2 20,2Z";var u1="M14,19H18V5H14M6,19H10V5H6V19Z";var W2="M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z";var c1="M8,5.14V19.14L19,12.14L8,5.14Z";var U2="M3 10H14V12H3V10M3 6H14V8H3V6M3 14H10V16H3V14M16 13V21L22 17L16 13Z";var Q2="M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z";var X1="M18,3H6V7H18M19,12A1,1 0 0,1 18,11A1,1 0 0,1 19,10A1,1 0 0,1 20,11A1,1 0 0,1 19,12M16,19H8V14H16M19,8H5A3,3 0 0,0 2,11V17H6V21H18V17H22V11A3,3 0 0,0 19,8Z";var G2="M12,4C14.1,4 16.1,4.8 17.6,6.3C20.7,9.4 20.7,14.5 17.6,17.6C15.8,19.5 13.3,20.2 10.9,19.9L11.4,17.9C13.1,18.1 14.9,17.5 16.2,16.2C18.5,13.9 18.5,10.1 16.2,7.7C15.1,6.6 13.5,6 12,6V10.6L7,5.6L12,0.6V4M6.3,17.6C3.7,15 3.3,11 5.1,7.9L6.6,9.4C5.5,11.6 5.9,14.4 7.8,16.2C8.3,16.7 8.9,17.1 9.6,17.4L9,19.4C8,19 7.1,18.4 6.3,17.6Z";var j2="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var K2="M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z";var q2="M12,12A3,3 0 0,0 9,15A3,3 0 0,0 12,18A3,3 0 0,0 15,15A3,3 0 0,0 12,12M12,20A5,5 0 0,1 7,15A5,5 0 0,1 12,10A5,5 0 0,1 17,15A5,5 0 0,1 12,20M12,4A2,2 0 0,1 14,6A2,2 0 0,1 12,8C10.89,8 10,7.1 10,6C10,4.89 10.89,4 12,4M17,2H7C5.89,2 5,2.89 5,4V20A2,2 0 0,0 7,22H17A2,2 0 0,0 19,20V4C19,2.89 18.1,2 17,2Z";var X2="M18,18H6V6H18V18Z";var Y2="M12,20A7,7 0 0,1 5,13A7,7 0 0,1 12,6A7,7 0 0,1 19,13A7,7 0 0,1 12,20M19.03,7.39L20.45,5.97C20,5.46 19.55,5 19.04,4.56L17.62,6C16.07,4.74 14.12,4 12,4A9,9 0 0,0 3,13A9,9 0 0,0 12,22C17,22 21,17.97 21,13C21,10.88 20.26,8.93 19.03,7.39M11,14H13V8H11M15,1H9V3H15V1Z";var J2="M11 8H13V14H11V8M15 1H9V3H15V1M12 20C8.13 20 5 16.87 5 13S8.13 6 12 6 19 9.13 19 13C19.7 13 20.36 13.13 21 13.35C21 13.23 21 13.12 21 13C21 10.88 20.26 8.93 19.03 7.39L20.45 5.97C20 5.46 19.55 5 19.04 4.56L17.62 6C16.07 4.74 14.12 4 12 4C7.03 4 3 8.03 3 13S7.03 22 12 22C12.59 22 13.16 21.94 13.71 21.83C13.4 21.25 13.18 20.6 13.08 19.91C12.72 19.96 12.37 20 12 20M20 18V15H18V18H15V20H18V23H20V20H23V18H20Z";var R="M6,2H18V8H18V8L14,12L18,16V16H18V22H6V16H6V16L10,12L6,8V8H6V2M16,16.5L12,12.5L8,16.5V20H16V16.5M12,11.5L16,7.5V4H8V7.5L12,11.5M10,6H14V6.75L12,8.75L10,6.75V6Z";var q="M8 13C6.14 13 4.59 14.28 4.14 16H2V18H4.14C4.59 19.72 6.14 21 8 21S11.41 19.72 11.86 18H22V16H11.86C11.41 14.28 9.86 13 8 13M8 19C6.9 19 6 18.1 6 17C6 15.9 6.9 15 8 15S10 15.9 10 17C10 18.1 9.1 19 8 19M19.86 6C19.41 4.28 17.86 3 16 3S12.59 4.28 12.14 6H2V8H12.14C12.59 9.72 14.14 11 16 11S19.41 9.72 19.86 8H22V6H19.86M16 9C14.9 9 14 8.1 14 7C14 5.9 14.9 5 16 5S18 5.9 18 7C18 8.1 17.1 9 16 9Z";var S1="M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z";var Y1="M14,3.23V5.29C16.89,6.15 19,8.83 19,12C19,15.17 16.89,17.84 14,18.7V20.77C18,19.86 21,16.28 21,12C21,7.72 18,4.14 14,3.23M16.5,12C16.5,10.23 15.5,8.71 14,7.97V16C15.5,15.29 16.5,13.76 16.5,12M3,9V15H7L12,20V4L7,9H3Z";var C5="M3,9H7L12,4V20L7,15H3V9M14,11H22V13H14V11Z";var H5="M3,9H7L12,4V20L7,15H3V9M14,11H17V8H19V11H22V13H19V16H17V13H14V11Z";var X="M17.75,4.09L15.22,6.03L16.13,9.09L13.5,7.28L10.87,9.09L11.78,6.03L9.25,4.09L12.44,4L13.5,1L14.56,4L17.75,4.09M21.25,11L19.61,12.25L20.2,14.23L18.5,13.06L16.8,14.23L17.39,12.25L15.75,11L17.81,10.95L18.5,9L19.19,10.95L21.25,11M18.97,15.95C19.8,15.87 20.69,17.05 20.16,17.8C19.84,18.25 19.5,18.67 19.08,19.07C15.17,23 8.84,23 4.94,19.07C1.03,15.17 1.03,8.83 4.94,4.93C5.34,4.53 5.76,4.17 6.21,3.85C6.96,3.32 8.14,4.21 8.06,5.04C7.79,7.9 8.75,10.87 10.95,13.06C13.14,15.26 16.1,16.22 18.97,15.95M17.33,17.97C14.5,17.81 11.7,16.64 9.53,14.5C7.36,12.31 6.2,9.5 6.04,6.68C3.23,9.82 3.34,14.64 6.35,17.66C9.37,20.67 14.19,20.78 17.33,17.97Z";var E={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Y=M=>(...H)=>({_$litDirective$:M,values:H}),F=class{constructor(H){}get _$AU(){return this._$AM._$AU}_$AT(H,C,V){this._$Ct=H,this._$AM=C,this._$Ci=V}_$AS(H,C){return this.update(H,C)}update(H,C){return this.render(...C)}};var{I:z5}=y2,V5=M=>M;var M5=M=>M.strings===void 0,L5=()=>document.createComment(""),$=(M,H,C)=>{let V=M._$AA.parentNode,L=H===void 0?M._$AB:H._$AA;if(C===void 0){let e=V.insertBefore(L5(),L),r=V.insertBefore(L5(),L);C=new z5(e,r,M,M.options)}else{let e=C._$AB.nextSibling,r=C._$AM,t=r!==M;if(t){let i;C._$AQ?.(M),C._$AM=M,C._$AP!==void 0&&(i=M._$AU)!==r._$AU&&C._$AP(i)}if(e!==L||t){let i=C._$AA;for(;i!==e;){let A=V5(i).nextSibling;V5(V).insertBefore(i,L),i=A}}}return C},_=(M,H,C=M)=>(M._$AI(H,C),M),I5={},e5=(M,H=I5)=>M._$AH=H,r5=M=>M._$AH,h1=M=>{M._$AR(),M._$AA.remove()};var J=(M,H)=>{let C=M._$AN;if(C===void 0)return!1;for(let V of C)V._$AO?.(H,!1),J(V,H);return!0},f1=M=>{let H,C;do{if((H=M._$AM)===void 0)break;C=H._$AN,C.delete(M),M=H}while(C?.size===0)},t5=M=>{for(let H;H=M._$AM;M=H){let C=H._$AN;if(C===void 0)H._$AN=C=new Set;else if(C.has(M))break;C.add(M),U5(H)}};function N5(M){this._$AN!==void 0?(f1(this),this._$AM=M,t5(this)):this._$AM=M}function W5(M,H=!1,C=0){let V=this._$AH,L=this._$AN;if(L!==void 0&&L.size!==0)if(H)if(Array.isArray(V))for(let e=C;e<V.length;e++)J(V[e],!1),f1(V[e]);else V!=null&&(J(V,!1),f1(V));else J(this,M)}var U5=M=>{M.type==E.CHILD&&(M._$AP??=W5,M._$AQ??=N5)},g1=class extends F{constructor(){super(...arguments),this._$AN=void 0}_$AT(H,C,V){super._$AT(H,C,V),t5(this),this.isConnected=H._$AU}_$AO(H,C=!0){H!==this.isConnected&&(this.isConnected=H,H?this.reconnected?.():this.disconnected?.()),C&&(J(this,H),f1(this))}setValue(H){if(M5(this._$Ct))this._$Ct._$AI(H,this);else{let C=[...this._$Ct._$AH];C[this._$Ci]=H,this._$Ct._$AI(C,this,0)}}disconnected(){}reconnected(){}};var i5=(M,H,C)=>{let V=new Map;for(let L=H;L<=C;L++)V.set(M[L],L);return V},o5=Y(class extends F{constructor(M){if(super(M),M.type!==E.CHILD)throw Error("repeat() can only be used in text expressions")}dt(M,H,C){let V;C===void 0?C=H:H!==void 0&&(V=H);let L=[],e=[],r=0;for(let t of M)L[r]=V?V(t,r):r,e[r]=C(t,r),r++;return{values:e,keys:L}}render(M,H,C){return this.dt(M,H,C).values}update(M,[H,C,V]){let L=r5(M),{values:e,keys:r}=this.dt(H,C,V);if(!Array.isArray(L))return this.ut=r,e;let t=this.ut??=[],i=[],A,p,d=0,l=L.length-1,m=0,x=e.length-1;for(;d<=l&&m<=x;)if(L[d]===null)d++;else if(L[l]===null)l--;else if(t[d]===r[m])i[m]=_(L[d],e[m]),d++,m++;else if(t[l]===r[x])i[x]=_(L[l],e[x]),l--,x--;else if(t[d]===r[x])i[x]=_(L[d],e[x]),$(M,i[x+1],L[d]),d++,x--;else if(t[l]===r[m])i[m]=_(L[l],e[m]),$(M,L[d],L[l]),l--,m++;else if(A===void 0&&(A=i5(r,m,x),p=i5(t,d,l)),A.has(t[d]))if(A.has(t[l])){let c=p.get(r[m]),z=c!==void 0?L[c]:null;if(z===null){let h=$(M,L[d]);_(h,e[m]),i[m]=h}else i[m]=_(z,e[m]),$(M,L[d],z),L[c]=null;m++}else h1(L[l]),l--;else h1(L[d]),d++;for(;m<=x;){let c=$(M,i[x+1]);_(c,e[m]),i[m++]=c}for(;d<=l;){let c=L[d++];c!==null&&h1(c)}return this.ut=r,e5(M,i),S}});var C1=class M extends Event{constructor(H){super(M.eventName,{bubbles:!1}),this.first=H.first,this.last=H.last}};C1.eventName="rangeChanged";var H1=class M extends Event{constructor(H){super(M.eventName,{bubbles:!1}),this.first=H.first,this.last=H.last}};H1.eventName="visibilityChanged";var V1=class M extends Event{constructor(){super(M.eventName,{bubbles:!1})}};V1.eventName="unpinned";var J1=class{constructor(H){this._element=null;let C=H??window;this._node=C,H&&(this._element=H)}get element(){return this._element||document.scrollingElement||document.documentElement}get scrollTop(){return this.element.scrollTop||window.scrollY}get scrollLeft(){return this.element.scrollLeft||window.scrollX}get scrollHeight(){return this.element.scrollHeight}get scrollWidth(){return this.element.scrollWidth}get viewportHeight(){return this._element?this._element.getBoundingClientRect().height:window.innerHeight}get viewportWidth(){return this._element?this._element.getBoundingClientRect().width:window.innerWidth}get maxScrollTop(){return this.scrollHeight-this.viewportHeight}get maxScrollLeft(){return this.scrollWidth-this.viewportWidth}},O1=class extends J1{constructor(H,C){super(C),this._clients=new Set,this._retarget=null,this._end=null,this.__destination=null,this.correctingScrollError=!1,this._checkForArrival=this._checkForArrival.bind(this),this._updateManagedScrollTo=this._updateManagedScrollTo.bind(this),this.scrollTo=this.scrollTo.bind(this),this.scrollBy=this.scrollBy.bind(this);let V=this._node;this._originalScrollTo=V.scrollTo,this._originalScrollBy=V.scrollBy,this._originalScroll=V.scroll,this._attach(H)}get _destination(){return this.__destination}get scrolling(){return this._destination!==null}scrollTo(H,C){let V=typeof H=="number"&&typeof C=="number"?{left:H,top:C}:H;this._scrollTo(V)}scrollBy(H,C){let V=typeof H=="number"&&typeof C=="number"?{left:H,top:C}:H;V.top!==void 0&&(V.top+=this.scrollTop),V.left!==void 0&&(V.left+=this.scrollLeft),this._scrollTo(V)}_nativeScrollTo(H){this._originalScrollTo.bind(this._element||window)(H)}_scrollTo(H,C=null,V=null){this._end!==null&&this._end(),H.behavior==="smooth"?(this._setDestination(H),this._retarget=C,this._end=V):this._resetScrollState(),this._nativeScrollTo(H)}_setDestination(H){let{top:C,left:V}=H;return C=C===void 0?void 0:Math.max(0,Math.min(C,this.maxScrollTop)),V=V===void 0?void 0:Math.max(0,Math.min(V,this.maxScrollLeft)),this._destination!==null&&V===this._destination.left&&C===this._destination.top?!1:(this.__destination={top:C,left:V,behavior:"smooth"},!0)}_resetScrollState(){this.__destination=null,this._retarget=null,this._end=null}_updateManagedScrollTo(H){this._destination&&this._setDestination(H)&&this._nativeScrollTo(this._destination)}managedScrollTo(H,C,V){return this._scrollTo(H,C,V),this._updateManagedScrollTo}correctScrollError(H){this.correctingScrollError=!0,requestAnimationFrame(()=>requestAnimationFrame(()=>this.correctingScrollError=!1)),this._nativeScrollTo(H),this._retarget&&this._setDestination(this._retarget()),this._destination&&this._nativeScrollTo(this._destination)}_checkForArrival(){if(this._destination!==null){let{scrollTop:H,scrollLeft:C}=this,{top:V,left:L}=this._destination;V=Math.min(V||0,this.maxScrollTop),L=Math.min(L||0,this.maxScrollLeft);let e=Math.abs(V-H),r=Math.abs(L-C);e<1&&r<1&&(this._end&&this._end(),this._resetScrollState())}}detach(H){return this._clients.delete(H),this._clients.size===0&&(this._node.scrollTo=this._originalScrollTo,this._node.scrollBy=this._originalScrollBy,this._node.scroll=this._originalScroll,this._node.removeEventListener("scroll",this._checkForArrival)),null}_attach(H){this._clients.add(H),this._clients.size===1&&(this._node.scrollTo=this.scrollTo,this._node.scrollBy=this.scrollBy,this._node.scroll=this.scrollTo,this._node.addEventListener("scroll",this._checkForArrival))}};var m5=typeof window<"u"?window.ResizeObserver:void 0;var s5=Symbol("virtualizerRef"),y1="virtualizer-sizer",l5,w1=class{constructor(H){if(this._benchmarkStart=null,this._layout=null,this._clippingAncestors=[],this._scrollSize=null,this._scrollError=null,this._childrenPos=null,this._childMeasurements=null,this._toBeMeasured=new Map,this._rangeChanged=!0,this._itemsChanged=!0,this._visibilityChanged=!0,this._scrollerController=null,this._isScroller=!1,this._sizer=null,this._hostElementRO=null,this._childrenRO=null,this._mutationObserver=null,this._scrollEventListeners=[],this._scrollEventListenerOptions={passive:!0},this._loadListener=this._childLoaded.bind(this),this._scrollIntoViewTarget=null,this._updateScrollIntoViewCoordinates=null,this._items=[],this._first=-1,this._last=-1,this._firstVisible=-1,this._lastVisible=-1,this._scheduled=new WeakSet,this._measureCallback=null,this._measureChildOverride=null,this._layoutCompletePromise=null,this._layoutCompleteResolver=null,this._layoutCompleteRejecter=null,this._pendingLayoutComplete=null,this._layoutInitialized=null,this._connected=!1,!H)throw new Error("Virtualizer constructor requires a configuration object");if(H.hostElement)this._init(H);else throw new Error('Virtualizer configuration requires the "hostElement" property')}set items(H){Array.isArray(H)&&H!==this._items&&(this._itemsChanged=!0,this._items=H,this._schedule(this._updateLayout))}_init(H){this._isScroller=!!H.scroller,this._initHostElement(H);let C=H.layout||{};this._layoutInitialized=this._initLayout(C)}_initObservers(){this._mutationObserver=new MutationObserver(this._finishDOMUpdate.bind(this)),this._hostElementRO=new m5(()=>this._hostElementSizeChanged()),this._childrenRO=new m5(this._childrenSizeChanged.bind(this))}_initHostElement(H){let C=this._hostElement=H.hostElement;this._applyVirtualizerStyles(),C[s5]=this}connected(){this._initObservers();let H=this._isScroller;this._clippingAncestors=Y5(this._hostElement,H),this._scrollerController=new O1(this,this._clippingAncestors[0]),this._schedule(this._updateLayout),this._observeAndListen(),this._connected=!0}_observeAndListen(){this._mutationObserver.observe(this._hostElement,{childList:!0}),this._hostElementRO.observe(this._hostElement),this._scrollEventListeners.push(window),window.addEventListener("scroll",this,this._scrollEventListenerOptions),this._clippingAncestors.forEach(H=>{H.addEventListener("scroll",this,this._scrollEventListenerOptions),this._scrollEventListeners.push(H),this._hostElementRO.observe(H)}),this._hostElementRO.observe(this._scrollerController.element),this._children.forEach(H=>this._childrenRO.observe(H)),this._scrollEventListeners.forEach(H=>H.addEventListener("scroll",this,this._scrollEventListenerOptions))}disconnected(){this._scrollEventListeners.forEach(H=>H.removeEventListener("scroll",this,this._scrollEventListenerOptions)),this._scrollEventListeners=[],this._clippingAncestors=[],this._scrollerController?.detach(this),this._scrollerController=null,this._mutationObserver?.disconnect(),this._mutationObserver=null,this._hostElementRO?.disconnect(),this._hostElementRO=null,this._childrenRO?.disconnect(),this._childrenRO=null,this._rejectLayoutCompletePromise("disconnected"),this._connected=!1}_applyVirtualizerStyles(){let C=this._hostElement.style;C.display=C.display||"block",C.position=C.position||"relative",C.contain=C.contain||"size layout",this._isScroller&&(C.overflow=C.overflow||"auto",C.minHeight=C.minHeight||"150px")}_getSizer(){let H=this._hostElement;if(!this._sizer){let C=H.querySelector(`[${y1}]`);C||(C=document.createElement("div"),C.setAttribute(y1,""),H.appendChild(C)),Object.assign(C.style,{position:"absolute",margin:"-2px 0 0 0",padding:0,visibility:"hidden",fontSize:"2px"}),C.textContent="&nbsp;",C.setAttribute(y1,""),this._sizer=C}return this._sizer}async updateLayoutConfig(H){await this._layoutInitialized;let C=H.type||l5;if(typeof C=="function"&&this._layout instanceof C){let V={...H};return delete V.type,this._layout.config=V,!0}return!1}async _initLayout(H){let C,V;if(typeof H.type=="function"){V=H.type;let L={...H};delete L.type,C=L}else C=H;V===void 0&&(l5=V=(await Promise.resolve().then(()=>(n5(),p5))).FlowLayout),this._layout=new V(L=>this._handleLayoutMessage(L),C),this._layout.measureChildren&&typeof this._layout.updateItemSizes=="function"&&(typeof this._layout.measureChildren=="function"&&(this._measureChildOverride=this._layout.measureChildren),this._measureCallback=this._layout.updateItemSizes.bind(this._layout)),this._layout.listenForChildLoadEvents&&this._hostElement.addEventListener("load",this._loadListener,!0),this._schedule(this._updateLayout)}startBenchmarking(){this._benchmarkStart===null&&(this._benchmarkStart=window.performance.now())}stopBenchmarking(){if(this._benchmarkStart!==null){let H=window.performance.now(),C=H-this._benchmarkStart,L=performance.getEntriesByName("uv-virtualizing","measure").filter(e=>e.startTime>=this._benchmarkStart&&e.startTime<H).reduce((e,r)=>e+r.duration,0);return this._benchmarkStart=null,{timeElapsed:C,virtualizationTime:L}}return null}_measureChildren(){let H={},C=this._children,V=this._measureChildOverride||this._measureChild;for(let L=0;L<C.length;L++){let e=C[L],r=this._first+L;(this._itemsChanged||this._toBeMeasured.has(e))&&(H[r]=V.call(this,e,this._items[r]))}this._childMeasurements=H,this._schedule(this._updateLayout),this._toBeMeasured.clear()}_measureChild(H){let{width:C,height:V}=H.getBoundingClientRect();return Object.assign({width:C,height:V},q5(H))}async _schedule(H){this._scheduled.has(H)||(this._scheduled.add(H),await Promise.resolve(),this._scheduled.delete(H),H.call(this))}async _updateDOM(H){this._scrollSize=H.scrollSize,this._adjustRange(H.range),this._childrenPos=H.childPositions,this._scrollError=H.scrollError||null;let{_rangeChanged:C,_itemsChanged:V}=this;this._visibilityChanged&&(this._notifyVisibility(),this._visibilityChanged=!1),(C||V)&&(this._notifyRange(),this._rangeChanged=!1),this._finishDOMUpdate()}_finishDOMUpdate(){this._connected&&(this._children.forEach(H=>this._childrenRO.observe(H)),this._checkScrollIntoViewTarget(this._childrenPos),this._positionChildren(this._childrenPos),this._sizeHostElement(this._scrollSize),this._correctScrollError(),this._benchmarkStart&&"mark"in window.performance&&window.performance.mark("uv-end"))}_updateLayout(){this._layout&&this._connected&&(this._layout.items=this._items,this._updateView(),this._childMeasurements!==null&&(this._measureCallback&&this._measureCallback(this._childMeasurements),this._childMeasurements=null),this._layout.reflowIfNeeded(),this._benchmarkStart&&"mark"in window.performance&&window.performance.mark("uv-end"))}_handleScrollEvent(){if(this._benchmarkStart&&"mark"in window.performance){try{window.performance.measure("uv-virtualizing","uv-start","uv-end")}catch(H){console.warn("Error measuring performance data: ",H)}window.performance.mark("uv-start")}this._scrollerController.correctingScrollError===!1&&this._layout?.unpin(),this._schedule(this._updateLayout)}handleEvent(H){H.type==="scroll"?(H.currentTarget===window||this._clippingAncestors.includes(H.currentTarget))&&this._handleScrollEvent():console.warn("event not handled",H)}_handleLayoutMessage(H){H.type==="stateChanged"?this._updateDOM(H):H.type==="visibilityChanged"?(this._firstVisible=H.firstVisible,this._lastVisible=H.lastVisible,this._notifyVisibility()):H.type==="unpinned"&&this._hostElement.dispatchEvent(new V1)}get _children(){let H=[],C=this._hostElement.firstElementChild;for(;C;)C.hasAttribute(y1)||H.push(C),C=C.nextElementSibling;return H}_updateView(){let H=this._hostElement,C=this._scrollerController?.element,V=this._layout;if(H&&C&&V){let L,e,r,t,i=H.getBoundingClientRect();L=0,e=0,r=window.innerHeight,t=window.innerWidth;let A=this._clippingAncestors.map(h=>h.getBoundingClientRect());A.unshift(i);for(let h of A)L=Math.max(L,h.top),e=Math.max(e,h.left),r=Math.min(r,h.bottom),t=Math.min(t,h.right);let p=C.getBoundingClientRect(),d={left:i.left-p.left,top:i.top-p.top},l={width:C.scrollWidth,height:C.scrollHeight},m=L-i.top+H.scrollTop,x=e-i.left+H.scrollLeft,c=Math.max(0,r-L),z=Math.max(0,t-e);V.viewportSize={width:z,height:c},V.viewportScroll={top:m,left:x},V.totalScrollSize=l,V.offsetWithinScroller=d}}_sizeHostElement(H){let V=H&&H.width!==null?Math.min(82e5,H.width):0,L=H&&H.height!==null?Math.min(82e5,H.height):0;if(this._isScroller)this._getSizer().style.transform=`translate(${V}px, ${L}px)`;else{let e=this._hostElement.style;e.minWidth=V?`${V}px`:"100%",e.minHeight=L?`${L}px`:"100%"}}_positionChildren(H){H&&H.forEach(({top:C,left:V,width:L,height:e,xOffset:r,yOffset:t},i)=>{let A=this._children[i-this._first];A&&(A.style.position="absolute",A.style.boxSizing="border-box",A.style.transform=`translate(${V}px, ${C}px)`,L!==void 0&&(A.style.width=L+"px"),e!==void 0&&(A.style.height=e+"px"),A.style.left=r===void 0?null:r+"px",A.style.top=t===void 0?null:t+"px")})}async _adjustRange(H){let{_first:C,_last:V,_firstVisible:L,_lastVisible:e}=this;this._first=H.first,this._last=H.last,this._firstVisible=H.firstVisible,this._lastVisible=H.lastVisible,this._rangeChanged=this._rangeChanged||this._first!==C||this._last!==V,this._visibilityChanged=this._visibilityChanged||this._firstVisible!==L||this._lastVisible!==e}_correctScrollError(){if(this._scrollError){let{scrollTop:H,scrollLeft:C}=this._scrollerController,{top:V,left:L}=this._scrollError;this._scrollError=null,this._scrollerController.correctScrollError({top:H-V,left:C-L})}}element(H){return H===1/0&&(H=this._items.length-1),this._items?.[H]===void 0?void 0:{scrollIntoView:(C={})=>this._scrollElementIntoView({...C,index:H})}}_scrollElementIntoView(H){if(H.index>=this._first&&H.index<=this._last)this._children[H.index-this._first].scrollIntoView(H);else if(H.index=Math.min(H.index,this._items.length-1),H.behavior==="smooth"){let C=this._layout.getScrollIntoViewCoordinates(H),{behavior:V}=H;this._updateScrollIntoViewCoordinates=this._scrollerController.managedScrollTo(Object.assign(C,{behavior:V}),()=>this._layout.getScrollIntoViewCoordinates(H),()=>this._scrollIntoViewTarget=null),this._scrollIntoViewTarget=H}else this._layout.pin=H}_checkScrollIntoViewTarget(H){let{index:C}=this._scrollIntoViewTarget||{};C&&H?.has(C)&&this._updateScrollIntoViewCoordinates(this._layout.getScrollIntoViewCoordinates(this._scrollIntoViewTarget))}_notifyRange(){this._hostElement.dispatchEvent(new C1({first:this._first,last:this._last}))}_notifyVisibility(){this._hostElement.dispatchEvent(new H1({first:this._firstVisible,last:this._lastVisible}))}get layoutComplete(){return this._layoutCompletePromise||(this._layoutCompletePromise=new Promise((H,C)=>{this._layoutCompleteResolver=H,this._layoutCompleteRejecter=C})),this._layoutCompletePromise}_rejectLayoutCompletePromise(H){this._layoutCompleteRejecter!==null&&this._layoutCompleteRejecter(H),this._resetLayoutCompleteState()}_scheduleLayoutComplete(){this._layoutCompletePromise&&this._pendingLayoutComplete===null&&(this._pendingLayoutComplete=requestAnimationFrame(()=>requestAnimationFrame(()=>this._resolveLayoutCompletePromise())))}_resolveLayoutCompletePromise(){this._layoutCompleteResolver!==null&&this._layoutCompleteResolver(),this._resetLayoutCompleteState()}_resetLayoutCompleteState(){this._layoutCompletePromise=null,this._layoutCompleteResolver=null,this._layoutCompleteRejecter=null,this._pendingLayoutComplete=null}_hostElementSizeChanged(){this._schedule(this._updateLayout)}_childLoaded(){}_childrenSizeChanged(H){if(this._layout?.measureChildren){for(let C of H)this._toBeMeasured.set(C.target,C.contentRect);this._measureChildren()}this._scheduleLayoutComplete(),this._itemsChanged=!1,this._rangeChanged=!1}};function q5(M){let H=window.getComputedStyle(M);return{marginTop:b1(H.marginTop),marginRight:b1(H.marginRight),marginBottom:b1(H.marginBottom),marginLeft:b1(H.marginLeft)}}function b1(M){let H=M?parseFloat(M):NaN;return Number.isNaN(H)?0:H}function v5(M){if(M.assignedSlot!==null)return M.assignedSlot;if(M.parentElement!==null)return M.parentElement;let H=M.parentNode;return H&&H.nodeType===Node.DOCUMENT_FRAGMENT_NODE&&H.host||null}function X5(M,H=!1){let C=[],V=H?M:v5(M);for(;V!==null;)C.push(V),V=v5(V);return C}function Y5(M,H=!1){let C=!1;return X5(M,H).filter(V=>{if(C)return!1;let L=getComputedStyle(V);return C=L.position==="fixed",L.overflow!=="visible"})}var J5=M=>M,C3=(M,H)=>o`${H}: ${JSON.stringify(M,null,2)}`,V2=class extends g1{constructor(H){if(super(H),this._virtualizer=null,this._first=0,this._last=-1,this._renderItem=(C,V)=>C3(C,V+this._first),this._keyFunction=(C,V)=>J5(C,V+this._first),this._items=[],H.type!==E.CHILD)throw new Error("The virtualize directive can only be used in child expressions")}render(H){H&&this._setFunctions(H);let C=[];if(this._first>=0&&this._last>=this._first)for(let V=this._first;V<=this._last;V++)C.push(this._items[V]);return o5(C,this._keyFunction,this._renderItem)}update(H,[C]){this._setFunctions(C);let V=this._items!==C.items;return this._items=C.items||[],this._virtualizer?this._updateVirtualizerConfig(H,C):this._initialize(H,C),V?S:this.render()}async _updateVirtualizerConfig(H,C){if(!await this._virtualizer.updateLayoutConfig(C.layout||{})){let L=H.parentNode;this._makeVirtualizer(L,C)}this._virtualizer.items=this._items}_setFunctions(H){let{renderItem:C,keyFunction:V}=H;C&&(this._renderItem=(L,e)=>C(L,e+this._first)),V&&(this._keyFunction=(L,e)=>V(L,e+this._first))}_makeVirtualizer(H,C){this._virtualizer&&this._virtualizer.disconnected();let{layout:V,scroller:L,items:e}=C;this._virtualizer=new w1({hostElement:H,layout:V,scroller:L}),this._virtualizer.items=e,this._virtualizer.connected()}_initialize(H,C){let V=H.parentNode;V&&V.nodeType===1&&(V.addEventListener("rangeChanged",L=>{this._first=L.first,this._last=L.last,this.setValue(this.render())}),this._makeVirtualizer(V,C))}disconnected(){this._virtualizer?.disconnected()}reconnected(){this._virtualizer?.connected()}},x5=Y(V2);async function P1(){if(customElements.get("ha-form"))return;let M=window.loadCardHelpers;M&&await M();for(let H of["hui-tile-card","hui-button-card","hui-entities-card"]){let C=customElements.get(H);if(C?.getConfigElement&&(await C.getConfigElement(),customElements.get("ha-form")))return}await customElements.whenDefined("ha-form")}var v="nfc_jukebox",H3=["selector","config_subentries","exceptions"];async function B1(M){let H=M.localize;for(let C of H3)H=await M.loadBackendTranslation(C,v);return H}function T1(M,H){return(C,V)=>M.localize(C,V)||H?.(C,V)||""}function n(M,H,C){return M(`component.${v}.selector.card.options.${H}`,C)}function s(M,H,C){return M(`component.${v}.${H}`,C)}async function M1(M,H){try{let C=await H.json();if(C.translation_key){let V=s(M,`exceptions.${C.translation_key}.message`,C.translation_placeholders);if(V)return V}return C.message??H.statusText}catch{return H.statusText}}var V3=[{name:"entry_id",selector:{config_entry:{integration:v}}},{name:"kids",selector:{boolean:{}}}],L3={entry_id:"reader",kids:"kids"},R1=class extends Z{setConfig(H){this._config=H}connectedCallback(){super.connectedCallback(),P1().then(async()=>{this.hass&&(this._loaded=await B1(this.hass))})}render(){if(!this.hass||!this._config||!this._loaded)return a;let H=T1(this.hass,this._loaded);return o`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${V3}
      .computeLabel=${C=>n(H,L3[C.name]??C.name)}
      .computeHelper=${C=>C.name==="kids"?n(H,"kids_help"):""}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(H){H.stopPropagation();let C={...H.detail.value};C.entry_id||delete C.entry_id,C.kids||delete C.kids,this._config=C,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:C},bubbles:!0,composed:!0}))}};R1.properties={hass:{attribute:!1},_config:{state:!0},_loaded:{state:!0}};customElements.define("nfc-jukebox-card-editor",R1);var Z5="/api/nfc_jukebox/recordings",M3=3e3,u5=()=>window.isSecureContext&&typeof MediaRecorder<"u"&&!!navigator.mediaDevices?.getUserMedia,e1=class extends Z{constructor(){super();this._chunks=[];this._stage="idle",this._percent=0,this._seconds=0}connectedCallback(){super.connectedCallback(),window.clearTimeout(this._away),this._away=void 0}disconnectedCallback(){super.disconnectedCallback(),this._recorder&&(this._away=window.setTimeout(()=>this._discard(),M3))}render(){let C=this._stage!=="idle",V=!this.target?.name?.trim();return o`<div class="recorder">
      <div class="buttons">
        ${this._stage==="recording"?o`<ha-button class="stop" variant="danger" @click=${this._stop}>
              <ha-svg-icon slot="start" .path=${X2}></ha-svg-icon>
              ${n(this.localize,"stop_recording",{time:this._time()})}
            </ha-button>`:o`<ha-button
              class="record"
              appearance="plain"
              .disabled=${C||V||!u5()}
              @click=${this._record}
            >
              <ha-svg-icon slot="start" .path=${D2}></ha-svg-icon>
              ${n(this.localize,"record")}
            </ha-button>`}
        <ha-button class="upload" appearance="plain" .disabled=${C||V} @click=${this._pick}>
          <ha-svg-icon slot="start" .path=${S1}></ha-svg-icon>
          ${n(this.localize,"upload")}
        </ha-button>
        <input type="file" accept="audio/*" multiple hidden @change=${this._picked} />
      </div>
      ${V&&!C?o`<div class="secondary">${n(this.localize,"recording_name_first")}</div>`:a}
      ${u5()?a:o`<ha-alert class="insecure" alert-type="info">${n(this.localize,"recording_insecure")}</ha-alert>`}
      ${this._renderProgress()}
      ${this._error?o`<ha-alert alert-type="error"
            >${this._error}
            ${this._taken?o`<ha-button slot="action" size="s" @click=${this._replace}
                  >${n(this.localize,"replace_recording")}</ha-button
                >`:a}
          </ha-alert>`:a}
    </div>`}_renderProgress(){return this._stage==="uploading"?o`<div class="progress">
        <progress max="100" .value=${this._percent}></progress>
        <span>${n(this.localize,"uploading",{percent:this._percent})}</span>
      </div>`:this._stage==="preparing"?o`<div class="progress">
        <progress></progress>
        <span>${n(this.localize,"preparing")}</span>
      </div>`:a}_time(){return`${Math.floor(this._seconds/60)}:${String(this._seconds%60).padStart(2,"0")}`}async _record(){this._error=void 0;let C;try{C=await navigator.mediaDevices.getUserMedia({audio:!0})}catch{this._error=n(this.localize,"microphone_denied");return}this._chunks=[];let V=new MediaRecorder(C);V.addEventListener("dataavailable",L=>{L.data.size&&this._chunks.push(L.data)}),V.addEventListener("stop",()=>{if(C.getTracks().forEach(t=>t.stop()),this._recorder!==V)return;this._recorder=void 0;let L=V.mimeType||"audio/webm",e=L.includes("ogg")?"ogg":L.includes("mp4")?"m4a":"webm",r=new File(this._chunks,`${this.target.name}.${e}`,{type:L});this._upload([r])}),this._recorder=V,this._seconds=0,this._timer=window.setInterval(()=>this._seconds+=1,1e3),V.start(1e3),this._stage="recording"}_stop(){window.clearInterval(this._timer),this._recorder?.stop()}_discard(){let C=this._recorder;window.clearInterval(this._timer),this._away=void 0,this._recorder=void 0,this._chunks=[],this._stage="idle",C&&C.state!=="inactive"&&C.stop()}_pick(){this.renderRoot.querySelector("input[type=file]")?.click()}_picked(C){let V=C.target,L=Array.from(V.files??[]);V.value="",L.length&&this._upload(L)}_replace(){let C=this._taken;C&&this._upload(C,!0)}async _upload(C,V=!1){this._error=void 0,this._taken=void 0,this._stage="uploading",this._percent=0;let L=new FormData;L.append("name",this.target.name.trim()),this.target.uid&&this.target.entryId&&(L.append("uid",this.target.uid),L.append("entry_id",this.target.entryId),this.target.speaker&&L.append("speaker",this.target.speaker)),V&&L.append("replace","1");for(let e of C)L.append("file",e,e.name);try{let e=await this._send(L);this.dispatchEvent(new CustomEvent("recording-made",{detail:e}))}catch(e){this._error=this._message(e),e?.translation_key==="recording_name_taken"&&(this._taken=C)}finally{this._stage="idle"}}async _send(C){let V=this.hass.auth;V?.expired&&await V.refreshAccessToken();let L=this.hass.hassUrl?this.hass.hassUrl(Z5):Z5;return new Promise((e,r)=>{let t=new XMLHttpRequest;t.open("POST",L),V&&t.setRequestHeader("Authorization",`Bearer ${V.data.access_token}`),t.responseType="json",t.upload.addEventListener("progress",i=>{i.lengthComputable&&(this._percent=Math.round(i.loaded/i.total*100))}),t.upload.addEventListener("load",()=>this._stage="preparing"),t.addEventListener("load",()=>{let i=t.response;t.status===200?e(i):r(i??{message:String(t.status)})}),t.addEventListener("error",()=>r({translation_key:"recording_upload_broken"})),t.send(C)})}_message(C){let V=C?.translation_key;return(V?s(this.localize,`exceptions.${V}.message`,C.translation_placeholders):"")||C?.message||String(C)}};e1.properties={hass:{attribute:!1},localize:{attribute:!1},target:{attribute:!1},_stage:{state:!0},_percent:{state:!0},_seconds:{state:!0},_error:{state:!0},_taken:{state:!0}},e1.styles=u`
    .recorder {
      margin: -8px 0 16px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .secondary {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      margin-top: 4px;
    }
    ha-alert {
      display: block;
      margin-top: 8px;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 8px;
      color: var(--secondary-text-color);
    }
    progress {
      flex: 1;
      min-width: 0;
      accent-color: var(--primary-color);
    }
  `;customElements.define("nfc-jukebox-recorder",e1);var L2="playback",D="reader",c5=2,S5=3,h5=5,M2="media",f5={podcast:"feed",radio:"stream"},e3=M=>[{name:"uid",required:!0,selector:{text:{}}},{name:"name",required:!0,selector:{text:{}}},{name:M2,selector:{media:{}}},{name:"feed",selector:{text:{type:"url"}}},{name:"stream",selector:{text:{type:"url"}}},{name:"play_on",required:!0,selector:{select:{options:M,mode:"dropdown"}}},{name:L2,type:"expandable",flatten:!1,schema:[{name:"order",selector:{select:{options:["in_order","shuffle","day_of_month","daily"],translation_key:"order",mode:"dropdown"}}},{name:"month",selector:{number:{min:1,max:12,step:1,mode:"box"}}},{name:"outside_track",selector:{number:{min:1,max:9999,step:1,mode:"box"}}},{name:"repeat",selector:{select:{options:["off","one","all"],translation_key:"repeat",mode:"dropdown"}}},{name:"volume",selector:{number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}}},{name:"on_remove",selector:{select:{options:["inherit","pause","stop","nothing"],translation_key:"tag_on_remove",mode:"dropdown"}}},{name:"mode",selector:{select:{options:["music","audiobook","start_over"],translation_key:"mode",mode:"dropdown"}}},{name:"bedtime",selector:{boolean:{}}},{name:"episodes",selector:{select:{options:["newest","next","first"],translation_key:"episodes",mode:"dropdown"}}},{name:"keep_episodes",selector:{number:{min:1,max:50,step:1,mode:"box"}}},{name:"keep_mb",selector:{number:{min:10,max:2e4,step:10,mode:"box"}}}]}],e2={order:"in_order",repeat:"off",on_remove:"inherit",mode:"music",bedtime:!1,episodes:"newest"},B="config_subentries.tag.step.user",r3="media-source://media_source",t3=M=>M.can_play&&!M.can_expand,i3=M=>{let H=Math.round(M);return`${Math.floor(H/60)}:${String(H%60).padStart(2,"0")}`},r1=class extends Z{constructor(){super();this._recordingMade=C=>{let V=C.detail,L=this._data??this.initial;this._recorded=V,this._data={...L,media:{entity_id:L.media?.entity_id??"",media_content_id:V.media_content_id,media_content_type:V.media_content_type,metadata:{title:V.name,media_class:"music"}}},this.dispatchEvent(new CustomEvent("chip-recorded",{detail:V}))};this._openFolders=async()=>{this._folders=[],await this._openFolder(void 0,"")};this._label=C=>C.name===L2?s(this.localize,`${B}.sections.playback.name`):C.name===M2?"":s(this.localize,`${B}.data.${C.name}`)||s(this.localize,`${B}.sections.playback.data.${C.name}`);this._helper=C=>C.name===L2?"":C.name==="play_on"?n(this.localize,"play_on_help"):s(this.localize,`${B}.data_description.${C.name}`)||s(this.localize,`${B}.sections.playback.data_description.${C.name}`);this._ready=!1}connectedCallback(){super.connectedCallback(),P1().then(()=>{this._ready=!0})}render(){if(!this._ready)return a;let C=this._data??this.initial,V=this.errors?.base,L=e3(this._speakers());return o`<div class="form">
      <div class="form-title">
        ${s(this.localize,`config_subentries.tag.step.${this.isNew?"user":"reconfigure"}.title`)}
      </div>
      ${V?o`<ha-alert alert-type="error">${this._error(V)}</ha-alert>`:a}
      ${this.failure?o`<ha-alert alert-type="error">${this.failure}</ha-alert>`:a}
      ${this._form(C,L.slice(0,c5))}
      <div class="section-title">${this._musicLabel()}</div>
      ${this._form(C,L.slice(c5,S5))}
      ${this._folders?this._renderFolders(this._folders):this._renderFolderButton()}
      ${this._renderRecorder(C)}
      ${this._form(C,L.slice(S5,h5))}
      ${this._form(C,L.slice(h5))}
      <div class="buttons">
        <ha-button appearance="plain" @click=${this._cancel}>${n(this.localize,"cancel")}</ha-button>
        <ha-button
          .disabled=${!C.uid||!C.name||!(C.media?.media_content_id||C.feed||C.stream)}
          @click=${this._submit}
          >${n(this.localize,"save")}</ha-button
        >
      </div>
    </div>`}_speakers(){let C=Object.values(this.hass.states).filter(V=>V?.entity_id.startsWith("media_player.")).map(V=>({value:V.entity_id,label:V.attributes.friendly_name??V.entity_id})).sort((V,L)=>V.label.localeCompare(L.label));return[{value:D,label:n(this.localize,"this_readers_speaker")},...C]}_form(C,V){return o`<ha-form
      .hass=${this.hass}
      .data=${C}
      .schema=${V}
      .error=${this.errors}
      .computeLabel=${this._label}
      .computeHelper=${this._helper}
      .computeError=${L=>this._error(L)}
      .localizeValue=${L=>s(this.localize,`selector.${L}`)}
      @value-changed=${L=>{this._data={...this._data??this.initial,...L.detail.value}}}
    ></ha-form>`}_renderFolderButton(){return o`<div class="folder-row">
      <ha-button appearance="plain" size="s" @click=${this._openFolders}>
        <ha-svg-icon slot="start" .path=${R2}></ha-svg-icon>
        ${s(this.localize,`${B}.data.pick_folder`)}
      </ha-button>
    </div>`}_renderRecorder(C){let V=C.play_on&&C.play_on!==D?C.play_on:C.media?.entity_id;return o`<div class="section-title">${n(this.localize,"recording_title")}</div>
      ${this._recorded?o`<ha-alert class="recorded" alert-type="success"
            >${n(this.localize,"recording_made",{name:this._recorded.name,duration:i3(this._recorded.duration)})}</ha-alert
          >`:a}
      <nfc-jukebox-recorder
        .hass=${this.hass}
        .localize=${this.localize}
        .target=${{name:C.name,uid:C.uid,entryId:this.entryId,speaker:V}}
        @recording-made=${this._recordingMade}
      ></nfc-jukebox-recorder>`}_renderFolders(C){let V=C[C.length-1],L=V?.item.children??[],e=L.filter(i=>i.can_expand),r=L.filter(t3).length,t=C.length>1;return o`<div class="folders" role="group" aria-label=${this._pickFolderLabel()}>
      <div class="folders-head">
        ${C.length>1?o`<ha-icon-button
              .path=${w2}
              .label=${n(this.localize,"back")}
              @click=${()=>this._folders=C.slice(0,-1)}
            ></ha-icon-button>`:a}
        <div class="folders-title">
          <div>${t&&V?V.path:this._pickFolderLabel()}</div>
          ${t?o`<div class="secondary">${n(this.localize,"folder_tracks",{count:r})}</div>`:a}
        </div>
      </div>
      ${this._folderError?o`<ha-alert alert-type="error">${this._folderError}</ha-alert>`:a}
      ${V&&!t&&e.length===0?o`<div class="secondary empty">${this._error("no_folders")}</div>`:a}
      <div class="folder-list">
        ${e.map(i=>o`<button
            class="folder"
            type="button"
            @click=${()=>{this._openFolder(i,V?.path??"")}}
          >
            <ha-svg-icon .path=${F2}></ha-svg-icon>
            <span>${i.title}</span>
            <ha-svg-icon class="chevron" .path=${P2}></ha-svg-icon>
          </button>`)}
      </div>
      <div class="buttons">
        <ha-button appearance="plain" @click=${()=>this._folders=void 0}
          >${n(this.localize,"cancel")}</ha-button
        >
        <ha-button .disabled=${!t||r===0} @click=${()=>this._useFolder(V)}
          >${n(this.localize,"use_folder")}</ha-button
        >
      </div>
    </div>`}_pickFolderLabel(){return s(this.localize,"config_subentries.tag.step.folder.title")}async _openFolder(C,V){this._folderError=void 0;try{let L=await this.hass.callWS({type:"media_source/browse_media",media_content_id:C?.media_content_id??r3}),e=this._folders??[],r=C?V?`${V} / ${L.title}`:L.title:"";this._folders=[...e,{item:L,path:r}]}catch(L){this._folderError=L.message??String(L)}}_useFolder(C){if(!C)return;let V=this._data??this.initial;this._data={...V,media:{entity_id:V.media?.entity_id??"",media_content_id:C.item.media_content_id,media_content_type:C.item.media_content_type||"directory",metadata:{title:C.path,media_class:"directory"}}},this._folders=void 0}_musicLabel(){return s(this.localize,`${B}.data.${M2}`)}_error(C){return s(this.localize,`config_subentries.tag.error.${C}`,this.placeholders)||C}_cancel(){this.dispatchEvent(new CustomEvent("chip-cancel"))}_submit(){let C=this._data??this.initial;this.errors=void 0,this.failure=void 0;let V={uid:C.uid,name:C.name,playback:C.playback??{}};C.media&&(V.media=C.media),C.feed&&(V.feed=C.feed),C.stream&&(V.stream=C.stream),C.play_on&&C.play_on!==D&&(V.play_on=C.play_on),this.dispatchEvent(new CustomEvent("chip-save",{detail:V}))}};r1.properties={hass:{attribute:!1},localize:{attribute:!1},initial:{attribute:!1},isNew:{attribute:!1},errors:{attribute:!1},placeholders:{attribute:!1},failure:{attribute:!1},entryId:{attribute:!1},_data:{state:!0},_recorded:{state:!0},_ready:{state:!0},_folders:{state:!0},_folderError:{state:!0}},r1.styles=u`
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
    ha-alert.recorded {
      margin-top: -4px;
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
  `;customElements.define("nfc-jukebox-chip-form",r1);var o3={off:K,quiet_hours:X,limit:R},t1=class extends Z{_t(H,C){return n(this.localize,H,C)}willUpdate(H){let C=H.get("hass"),V=this.reader?.speaker;C&&V&&C.states[V]?.state!==this.hass.states[V]?.state&&(this._refused=void 0,this._failure=void 0)}get _why(){let H=this.reader.rules;if(this.reader.chip?.blocked)return this.reader.chip.blocked;if(this._refused)return this._refused;if(H&&!H.jukebox_on)return"off";if(H&&H.minutes_left!==null&&H.minutes_left<=0)return"limit"}render(){if(!this.hass||!this.reader||!this.localize)return a;let H=this.reader.speaker?this.hass.states[this.reader.speaker]:void 0,C=H?.state==="playing",V=!!H&&["playing","paused","buffering"].includes(H.state),L=this.reader.chip?.kind==="music"?this.reader.chip.picture:void 0,e=V?H.attributes.entity_picture??L??void 0:void 0,r=V&&H.attributes.media_title||this._t("kids_put_chip"),t=this._why,i=V&&!!this.reader.rules;return o`<div class="kids">
      <div
        class="artwork ${e?"":"empty"}"
        role="img"
        aria-label=${r}
        style=${e?`background-image:url(${JSON.stringify(e)})`:""}
      >
        ${e?a:o`<ha-svg-icon .path=${I2}></ha-svg-icon>`}
      </div>
      <div class="side">
        <div class="title">${r}</div>
        ${t?o`<div class="why ${t}" role="status" data-refused=${this._refused??""}>
              <ha-svg-icon .path=${o3[t]}></ha-svg-icon>${this._t(`blocked_${t}`)}
            </div>`:a}
        ${this._failure?o`<div class="why failure" role="alert">${this._failure}</div>`:a}
        <div class="transport">
          ${this._button("previous",K2,this._t("kids_previous"),!i)}
          ${this._button("play_pause",C?u1:c1,this._t(C?"kids_pause":"kids_play"),!i,"main")}
          ${this._button("next",j2,this._t("kids_next"),!i)}
        </div>
        ${this._renderVolume(H?.attributes.volume_level,V)}
        ${this.reader.rules?.minutes_left!=null&&this.reader.rules.minutes_left>0?o`<div class="left">
              <ha-svg-icon .path=${R}></ha-svg-icon>${this._t("minutes_left",{minutes:this.reader.rules.minutes_left})}
            </div>`:a}
      </div>
    </div>`}_renderVolume(H,C){let[V,L]=this.reader.rules?.volume??[0,this.reader.max_volume],e=H===void 0?V:Math.round(H*100),r=L>V?Math.min(1,Math.max(0,(e-V)/(L-V))):1,t=!C||H===void 0;return o`<div class="volume">
      ${this._button("volume_down",C5,this._t("kids_quieter"),t||e<=V)}
      <div
        class="meter"
        role="meter"
        aria-label=${this._t("kids_volume")}
        aria-valuemin=${V}
        aria-valuemax=${L}
        aria-valuenow=${e}
      >
        <div class="fill" style="width:${Math.round(r*100)}%"></div>
      </div>
      ${this._button("volume_up",H5,this._t("kids_louder"),t||e>=L)}
    </div>`}_button(H,C,V,L,e=""){return o`<button
      class="press ${e}"
      data-button=${H}
      aria-label=${V}
      title=${V}
      ?disabled=${L}
      @click=${()=>this._press(H)}
    >
      <ha-svg-icon .path=${C}></ha-svg-icon>
    </button>`}async _press(H){this._failure=void 0;try{await this.hass.callWS({type:`${v}/press`,entry_id:this.reader.entry_id,button:H}),this._refused=void 0}catch(C){let V=C,L=V.translation_key??"";if(L.startsWith("blocked_")){this._refused=L.slice(8);return}this._failure=L&&s(this.localize,`exceptions.${L}.message`)||(V.message??String(C))}}};t1.properties={hass:{attribute:!1},reader:{attribute:!1},localize:{attribute:!1},_refused:{state:!0},_failure:{state:!0}},t1.styles=u`
    :host {
      display: block;
      container-type: inline-size;
    }
    .kids {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 16px;
      padding: 16px;
    }
    .artwork {
      width: min(100%, 320px);
      aspect-ratio: 1;
      border-radius: var(--ha-card-border-radius, 12px);
      background: var(--secondary-background-color) center / cover no-repeat;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
      --mdc-icon-size: 96px;
    }
    .artwork ha-svg-icon {
      width: 96px;
      height: 96px;
    }
    .side {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 16px;
      width: 100%;
      min-width: 0;
    }
    .title {
      max-width: 100%;
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-2xl, 24px);
      font-weight: var(--ha-font-weight-medium, 500);
      text-align: center;
      overflow-wrap: anywhere;
    }
    .why,
    .left {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 16px;
      border-radius: 24px;
      font-size: var(--ha-font-size-l, 16px);
      font-weight: var(--ha-font-weight-medium, 500);
      --mdc-icon-size: 28px;
    }
    .why {
      background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.15);
      color: var(--warning-color);
    }
    .why.quiet_hours {
      background: rgba(var(--rgb-indigo-color, 63, 81, 181), 0.15);
      color: var(--indigo-color, #3f51b5);
    }
    .why.failure {
      background: rgba(var(--rgb-error-color, 219, 68, 55), 0.15);
      color: var(--error-color);
      text-align: center;
    }
    .left {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-m, 14px);
      --mdc-icon-size: 20px;
    }
    .transport,
    .volume {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 24px;
      width: 100%;
    }
    .volume {
      gap: 16px;
      max-width: 420px;
    }
    .press {
      flex: none;
      width: 72px;
      height: 72px;
      border: none;
      border-radius: 50%;
      padding: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      background: var(--secondary-background-color);
      color: var(--primary-text-color);
      cursor: pointer;
      touch-action: manipulation;
      --mdc-icon-size: 40px;
    }
    .press ha-svg-icon {
      width: 40px;
      height: 40px;
    }
    .press.main {
      width: 104px;
      height: 104px;
      background: var(--primary-color);
      color: var(--text-primary-color, #fff);
      --mdc-icon-size: 64px;
    }
    .press.main ha-svg-icon {
      width: 64px;
      height: 64px;
    }
    .volume .press {
      width: 64px;
      height: 64px;
    }
    .press:disabled {
      opacity: 0.4;
      cursor: default;
    }
    .press:focus-visible {
      outline: 3px solid var(--primary-color);
      outline-offset: 3px;
    }
    .meter {
      flex: 1;
      height: 16px;
      border-radius: 8px;
      background: var(--secondary-background-color);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--primary-color);
      border-radius: 8px;
    }
    @container (min-width: 640px) {
      .kids {
        flex-direction: row;
        align-items: center;
        gap: 32px;
        padding: 24px;
      }
      .artwork {
        width: min(45%, 360px);
      }
      .side {
        flex: 1;
      }
    }
    @container (max-width: 360px) {
      .transport {
        gap: 12px;
      }
      .press {
        width: 64px;
        height: 64px;
      }
      .press.main {
        width: 88px;
        height: 88px;
      }
    }
  `;customElements.define("nfc-jukebox-kids",t1);var a3=`/api/${v}/chips/export`,A3=`/api/${v}/chips/import`,i1=class extends Z{_t(H,C){return n(this.localize,H,C)}render(){return o`<div class="buttons">
        <ha-button appearance="plain" size="s" @click=${this._backUp} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${T2}></ha-svg-icon>${this._t("backup")}
        </ha-button>
        <ha-button appearance="plain" size="s" @click=${this._pick} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${S1}></ha-svg-icon>${this._t("restore")}
        </ha-button>
        <input
          type="file"
          accept="application/json,.json"
          aria-label=${this._t("restore")}
          @change=${this._chosen}
          hidden
        />
      </div>
      ${this._failure?o`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${()=>this._failure=void 0}>${this._failure}</ha-alert>`:a}
      ${this._done?o`<ha-alert alert-type="success" dismissable @alert-dismissed-clicked=${()=>this._done=void 0}>
            ${this._t("restore_done",{new:this._done.new.length,changed:this._done.changed.length})}
          </ha-alert>`:a}
      ${this._preview?this._renderPreview(this._preview):a}`}_renderPreview(H){let{summary:C}=H,V=C.new.length+C.changed.length;return o`<div class="preview" role="region" aria-label=${this._t("restore")}>
      <div class="preview-title">${this._t("restore_title",{file:H.file.name})}</div>
      ${this._list("new",C.new.map(L=>[L,""]))}
      ${this._list("changed",C.changed.map(L=>[L,this._t("restore_was",{name:L.was})]))}
      ${this._list("conflicts",C.conflicts.map(L=>[L,this._t(`conflict_${L.reason}`)]))}
      ${C.unchanged?o`<div class="secondary">${this._t("restore_unchanged",{count:C.unchanged})}</div>`:a}
      ${V?a:o`<div class="secondary">${this._t("restore_nothing")}</div>`}
      <div class="preview-actions">
        <ha-button appearance="plain" @click=${()=>this._preview=void 0}
          >${this._t("cancel")}</ha-button
        >
        ${V?o`<ha-button @click=${this._apply} ?disabled=${this._busy}
              >${this._t("restore_apply",{count:V})}</ha-button
            >`:a}
      </div>
    </div>`}_list(H,C){return C.length?o`<div class="group ${H}">
      <div class="group-title">${this._t(`restore_${H}`,{count:C.length})}</div>
      <ul>
        ${C.map(([V,L])=>o`<li data-chip-uid=${V.uid}>
              <span class="name">${V.name}</span> <span class="uid">${V.uid}</span>
              ${L?o`<span class="note">· ${L}</span>`:a}
            </li>`)}
      </ul>
    </div>`:a}async _backUp(){this._failure=void 0;let H=await this.hass.fetchWithAuth(a3);if(!H.ok){this._failure=await this._errorOf(H);return}let C=H.headers.get("Content-Disposition")??"",V=/filename="([^"]+)"/.exec(C)?.[1]??"nfc-jukebox-chips.json",L=URL.createObjectURL(await H.blob()),e=document.createElement("a");e.href=L,e.download=V,e.click(),window.setTimeout(()=>URL.revokeObjectURL(L),1e4)}_pick(){let H=this.renderRoot.querySelector("input[type=file]");H.value="",H.click()}async _chosen(H){let C=H.target.files?.[0];if(!C)return;this._done=void 0;let V=await this._send(C,!0);V&&(this._preview={file:C,summary:V})}async _apply(){let H=this._preview;if(!H)return;let C=await this._send(H.file,!1);C&&(this._preview=void 0,this._done=C)}async _send(H,C){this._failure=void 0,this._busy=!0;try{let V=new FormData;V.append("file",H);let L=new URLSearchParams({entry_id:this.entryId});C&&L.set("preview","1");let e=await this.hass.fetchWithAuth(`${A3}?${L}`,{method:"POST",body:V});if(!e.ok){this._preview=void 0,this._failure=await this._errorOf(e);return}return await e.json()}catch(V){this._failure=String(V.message??V);return}finally{this._busy=!1}}_errorOf(H){return M1(this.localize,H)}};i1.properties={hass:{attribute:!1},localize:{attribute:!1},entryId:{attribute:!1},_preview:{state:!0},_done:{state:!0},_failure:{state:!0},_busy:{state:!0}},i1.styles=u`
    :host {
      display: block;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 4px;
      padding: 4px 16px 0;
    }
    ha-alert {
      display: block;
      margin: 8px 16px 0;
    }
    .preview {
      margin: 8px 16px;
      padding: 12px 16px;
      border: 1px solid var(--divider-color);
      border-radius: var(--ha-card-border-radius, 12px);
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .preview-title {
      color: var(--primary-text-color);
      font-weight: var(--ha-font-weight-medium, 500);
      overflow-wrap: anywhere;
    }
    .group-title {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .conflicts .group-title {
      color: var(--warning-color);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
      max-height: 200px;
      overflow-y: auto;
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-m, 14px);
    }
    .uid {
      font-family: var(--ha-font-family-code, monospace);
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
    }
    .note,
    .secondary {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
    }
    .preview-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `;customElements.define("nfc-jukebox-chips-io",i1);var E1={round_39:{width:39,height:39,round:!0,text:3.4},round_30:{width:30,height:30,round:!0,text:2.8},round_25:{width:25,height:25,round:!0,text:2.4},card_54x86:{width:54,height:86,round:!1,text:5}},a1={a4:{width:210,height:297,css:"A4"},letter:{width:215.9,height:279.4,css:"letter"}},r2=8,t2=4,i2=1.5,O=.5,o2=i2+O,d3=96/25.4,g5=`${v}-labels`;function a2(M,H){let C=E1[M],V=a1[H],L=(e,r)=>Math.max(1,Math.floor((e-2*r2-2*o2+t2)/(r+t2)));return{columns:L(V.width,C.width),rows:L(V.height,C.height)}}function F1(M){return M.replace(/[&<>"']/g,H=>`&#${H.charCodeAt(0)};`)}function p3(M){return`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${M}"/></svg>`}function n3(M,H){let C=M.picture?`<img src="${F1(new URL(M.picture,location.href).href)}" alt="">`:p3(M.kind==="control"?q:j),V=H?`<div class="name">${F1(M.name)}</div>`:"",L=["tl","tr","bl","br"].map(e=>`<i class="m ${e}"></i>`).join("");return`<div class="label" data-chip-uid="${F1(M.uid)}"><div class="face">${C}</div>${V}${L}</div>`}function m3(M,H){let C=E1[M],V=a1[H],{columns:L}=a2(M,H),e=C.round;return`
@page { size: ${V.css} portrait; margin: ${r2}mm; }
html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
html, body { margin: 0; background: #fff; color: #000; font-family: system-ui, sans-serif; }
.sheet { display: grid; grid-template-columns: repeat(${L}, ${C.width}mm);
  grid-auto-rows: ${C.height}mm; gap: ${t2}mm; padding: ${o2}mm; justify-content: center;
  align-content: start; break-after: page; }
.sheet:last-child { break-after: auto; }
@media screen {
  html { zoom: var(--preview-zoom, 1); background: #e8e8e8; }
  body { padding: 4mm 0; }
  .sheet { box-sizing: border-box; width: ${V.width}mm; height: ${V.height}mm;
    padding: ${r2+o2}mm; margin: 0 auto 4mm; background: #fff; box-shadow: 0 0.5mm 2mm #0004; }
}
.label { position: relative; box-sizing: border-box; width: ${C.width}mm; height: ${C.height}mm;
  break-inside: avoid; border: 0.1mm solid #999; border-radius: ${e?"50%":"3mm"};
  ${e?"":"display: flex; flex-direction: column; padding: 3mm;"} }
.face { ${e?"position: absolute; inset: 0; border-radius: 50%;":`flex: none; height: ${C.width-6}mm; border-radius: 2mm;`}
  overflow: hidden; display: flex; align-items: center; justify-content: center; background: #f2f2f2; }
.label:not(:has(.name)) .face { margin: auto 0; }
.face img { width: 100%; height: 100%; object-fit: cover; display: block; }
.face svg { width: 45%; height: 45%; fill: #777; }
.name { font-size: ${C.text}mm; line-height: 1.15; font-weight: 600; text-align: center;
  overflow: hidden; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical;
  ${e?"-webkit-line-clamp: 2; position: absolute; left: 14%; right: 14%; bottom: 10%; padding: 0.4mm 0.8mm; border-radius: 1mm; background: #fffe;":"-webkit-line-clamp: 3; margin: auto 0;"} }
.m { position: absolute; width: 0; height: 0; }
.m::before, .m::after { content: ""; position: absolute; border: 0 solid #000; }
.m::before { width: ${i2}mm; border-top-width: 0.1mm; }
.m::after { height: ${i2}mm; border-left-width: 0.1mm; }
.tl { left: -0.1mm; top: -0.1mm; } .tl::before { right: ${O}mm; top: 0; } .tl::after { left: 0; bottom: ${O}mm; }
.tr { right: -0.1mm; top: -0.1mm; } .tr::before { left: ${O}mm; top: 0; } .tr::after { right: 0; bottom: ${O}mm; }
.bl { left: -0.1mm; bottom: -0.1mm; } .bl::before { right: ${O}mm; bottom: 0; } .bl::after { left: 0; top: ${O}mm; }
.br { right: -0.1mm; bottom: -0.1mm; } .br::before { left: ${O}mm; bottom: 0; } .br::after { right: 0; top: ${O}mm; }
`}function l3(M,H,C,V,L){let{columns:e,rows:r}=a2(H,C),t=[];for(let i=0;i<M.length;i+=e*r){let A=M.slice(i,i+e*r).map(p=>n3(p,V));t.push(`<section class="sheet">${A.join("")}</section>`)}return`<!doctype html><html><head><meta charset="utf-8"><title>${F1(L)}</title>
<style>${m3(H,C)}</style></head><body>${t.join("")}</body></html>`}function v3(M){let C={layout:"round_39",paper:["US","CA","MX","PH"].includes(M.config?.country??"")?"letter":"a4",names:!0};try{let V=JSON.parse(localStorage.getItem(g5)??"{}");return{layout:V.layout&&V.layout in E1?V.layout:C.layout,paper:V.paper&&V.paper in a1?V.paper:C.paper,names:typeof V.names=="boolean"?V.names:C.names}}catch{return C}}var o1=class extends Z{constructor(){super();this._resize=new ResizeObserver(()=>this._fit());this._open=!1,this._which="all",this._picked=new Set}disconnectedCallback(){super.disconnectedCallback(),this._resize.disconnect()}_t(C,V){return n(this.localize,C,V)}get chosen(){if(this._which==="pick")return this.chips.filter(C=>this._picked.has(C.uid));if(this._which==="added"){let C=new Set(this._info?.added??[]);return this.chips.filter(V=>C.has(V.uid))}return this.chips}willUpdate(C){C.has("chips")&&this._open&&C.get("chips")!==void 0&&this._load()}updated(){this.toggleAttribute("open",this._open);let C=this.renderRoot.querySelector("iframe.sheets");C&&this._resize.observe(C)}render(){if(!this._open)return o`<ha-button appearance="plain" size="s" @click=${this._show}>
        <ha-svg-icon slot="start" .path=${X1}></ha-svg-icon>${this._t("print_labels")}
      </ha-button>`;let C=this.chosen,{layout:V,paper:L,names:e}=this._choices,{columns:r,rows:t}=a2(V,L),i=this._info?.last_print?new Date(this._info.last_print).toLocaleDateString(this.hass.locale?.language??this.hass.language):this._t("labels_never");return o`<section class="labels" role="region" aria-label=${this._t("print_labels")}>
      <div class="options">
        ${this._select("labels_which",this._which,["all","pick","added"],A=>this._which=A,{added:this._t("labels_which_added",{date:i})})}
        ${this._select("labels_layout",V,Object.keys(E1),A=>this._choose({layout:A}))}
        ${this._select("labels_paper",L,Object.keys(a1),A=>this._choose({paper:A}))}
        <label class="check"
          ><input
            type="checkbox"
            name="names"
            .checked=${e}
            @change=${A=>this._choose({names:A.target.checked})}
          />${this._t("labels_names")}</label
        >
      </div>
      ${this._which==="pick"?o`<div class="pick" role="group" aria-label=${this._t("labels_which_pick")}>
            ${this.chips.map(A=>o`<label class="check"
                ><input
                  type="checkbox"
                  .checked=${this._picked.has(A.uid)}
                  @change=${p=>this._toggle(A.uid,p.target.checked)}
                />${A.name}</label
              >`)}
          </div>`:a}
      <div class="hint">
        ${C.length?this._t("labels_hint",{count:C.length,sheets:Math.ceil(C.length/(r*t))}):this._t("labels_none")}
      </div>
      <iframe
        class="sheets"
        title=${this._t("labels_preview")}
        .srcdoc=${l3(C,V,L,e,this._t("print_labels"))}
        @load=${this._fit}
      ></iframe>
      <div class="buttons">
        <ha-button appearance="plain" @click=${()=>this._open=!1}>${this._t("cancel")}</ha-button>
        <ha-button @click=${this._print} ?disabled=${!C.length}>
          <ha-svg-icon slot="start" .path=${X1}></ha-svg-icon>${this._t("labels_print")}
        </ha-button>
      </div>
    </section>`}_select(C,V,L,e,r={}){return o`<label class="field"
      >${this._t(C)}
      <select name=${C} @change=${t=>e(t.target.value)}>
        ${L.map(t=>o`<option value=${t} ?selected=${t===V}>
              ${r[t]??this._t(`${C}_${t}`)}
            </option>`)}
      </select></label
    >`}_choose(C){this._choices={...this._choices,...C};try{localStorage.setItem(g5,JSON.stringify(this._choices))}catch{}}_toggle(C,V){let L=new Set(this._picked);V?L.add(C):L.delete(C),this._picked=L}_fit(){let C=this.renderRoot.querySelector("iframe.sheets"),V=C?.contentDocument?.documentElement;if(!C||!V)return;let L=a1[this._choices.paper].width*d3,e=Math.min(1,(C.clientWidth-16)/L);V.style.setProperty("--preview-zoom",String(Math.max(e,.2)))}async _load(){this._info=await this.hass.callWS({type:`${v}/labels`})}async _show(){this._choices=v3(this.hass),this._open=!0,await this._load()}async _print(){let C=this.renderRoot.querySelector("iframe.sheets")?.contentWindow;if(!C)return;await Promise.all(Array.from(C.document.images).map(L=>L.decode().catch(()=>{}))),C.focus(),C.print();let V=await this.hass.callWS({type:`${v}/labels/printed`});this._info={last_print:V.last_print,added:[]}}};o1.properties={hass:{attribute:!1},localize:{attribute:!1},chips:{attribute:!1},_open:{state:!0},_which:{state:!0},_picked:{state:!0},_choices:{state:!0},_info:{state:!0}},o1.styles=u`
    :host {
      display: block;
    }
    .labels {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 8px 16px;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: end;
    }
    .field {
      display: flex;
      flex-direction: column;
      font-size: 0.85em;
      color: var(--secondary-text-color);
      gap: 2px;
      min-width: 0;
      max-width: 100%;
    }
    select {
      font: inherit;
      font-size: 1rem;
      min-height: 40px;
      max-width: 100%;
      padding: 0 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color);
      border: 1px solid var(--divider-color);
      border-radius: 6px;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 40px;
      color: var(--primary-text-color);
    }
    .check input {
      width: 20px;
      height: 20px;
      margin: 0;
    }
    .pick {
      max-height: 220px;
      overflow: auto;
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      padding: 4px 8px;
    }
    .pick .check {
      content-visibility: auto;
      contain-intrinsic-size: auto 40px;
    }
    .hint {
      color: var(--secondary-text-color);
      font-size: 0.9em;
    }
    iframe.sheets {
      width: 100%;
      height: min(70vh, 560px);
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      background: #e8e8e8;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `;customElements.define("nfc-jukebox-labels",o1);function s3(M,H){return M.name.localeCompare(H.name,void 0,{sensitivity:"base"})||(M.uid??"").localeCompare(H.uid??"")}function O5(M,H){let C=new Map((M?.readers??[]).map(L=>[L.entry_id,L.chips]));return{readers:H.readers.map(L=>{let e=H.chips[L.entry_id],r=e?.all?[]:C.get(L.entry_id)??[];if(e){let t=new Set([...e.removed,...e.changed.map(i=>i.subentry_id)]);r=[...r.filter(i=>!t.has(i.subentry_id)),...e.changed],r.sort(s3)}return{...L,chips:r}}),can_edit:H.can_edit}}var x3=/^media-source:\/\/media_source\/[^/]+\/NFC Jukebox\/./,A2=M=>M.kind==="music"&&x3.test(M.media?.media_content_id??"");var d2="nfc-jukebox-card",Z3=40,u3={off:K,quiet_hours:X,limit:R},A1=class extends Z{constructor(){super();this._recorded=C=>{this._editing&&C.detail.subentry_id&&(this._editing={...this._editing,subentryId:C.detail.subentry_id})};this._search="",this._now=Date.now(),this._deleteRecording=!1}static getConfigElement(){return document.createElement(`${d2}-editor`)}static getStubConfig(){return{}}setConfig(C){if(C.entry_id!==void 0&&typeof C.entry_id!="string")throw new Error("entry_id must be the id of an NFC Jukebox reader");if(C.kids!==void 0&&typeof C.kids!="boolean")throw new Error("kids must be true or false");this._config=C}getCardSize(){return this._config?.kids?8:4+Math.min(this._reader?.chips.length??0,6)}getGridOptions(){return{columns:12,min_columns:6,min_rows:4}}connectedCallback(){super.connectedCallback(),this.hass&&this._subscribe()}disconnectedCallback(){super.disconnectedCallback(),this._unsubscribeNow(),this._stopTicker()}willUpdate(C){C.has("hass")&&this.hass&&(C.get("hass")||B1(this.hass).then(V=>{this._loaded=V}),this._subscribe()),C.has("_config")&&this._subscribe()}_subscribe(){if(!this.hass||!this._config||!this.isConnected)return;let C=this._config.entry_id??"";if(this._unsubscribe&&this._subscribedTo===C)return;this._unsubscribeNow(),this._subscribedTo=C;let V={type:`${v}/subscribe`};this._config.entry_id&&(V.entry_id=this._config.entry_id),this._unsubscribe=this.hass.connection.subscribeMessage(L=>{this._message=O5(this._message,L),this._syncTicker()},V),this._unsubscribe.catch(L=>{this._error=String(L.message??L)})}_unsubscribeNow(){this._unsubscribe&&this._unsubscribe.then(C=>C()).catch(()=>{}),this._unsubscribe=void 0,this._subscribedTo=void 0}_syncTicker(){this._reader?.sleep_until?(this._ticker??=window.setInterval(()=>{this._now=Date.now()},1e3),this._now=Date.now()):this._stopTicker()}_stopTicker(){this._ticker!==void 0&&window.clearInterval(this._ticker),this._ticker=void 0}get _reader(){let C=this._message?.readers??[];return this._config?.entry_id?C.find(V=>V.entry_id===this._config.entry_id):C[0]}get _lz(){return T1(this.hass,this._loaded)}_t(C,V){return n(this._lz,C,V)}render(){if(!this.hass||!this._config)return a;if(!this._message||!this._loaded)return o`<ha-card><div class="loading"></div></ha-card>`;let C=this._reader;if(!C)return o`<ha-card>
        <ha-alert alert-type="warning">
          ${s(this._lz,"exceptions.reader_not_found.message")}
        </ha-alert>
      </ha-card>`;if(this._config.kids)return o`<ha-card class="kids-card">
        <nfc-jukebox-kids .hass=${this.hass} .reader=${C} .localize=${this._lz}></nfc-jukebox-kids>
      </ha-card>`;let V=this._message.can_edit;return o`<ha-card>
      ${this._renderHeader(C)}
      ${this._error?o`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${()=>this._error=void 0}>${this._error}</ha-alert>`:a}
      ${this._editing?o`<nfc-jukebox-chip-form
            .hass=${this.hass}
            .localize=${this._lz}
            .initial=${this._editing.initial}
            .isNew=${this._editing.subentryId===null}
            .entryId=${this._reader?.entry_id}
            @chip-save=${this._save}
            @chip-recorded=${this._recorded}
            @chip-cancel=${()=>this._editing=void 0}
          ></nfc-jukebox-chip-form>`:o`${this._renderNow(C,V)} ${this._renderChips(C,V)}`}
    </ha-card>`}_renderHeader(C){return o`<div class="header">
      <ha-svg-icon class="reader-icon" .path=${N2}></ha-svg-icon>
      <div class="title">${C.title}</div>
      ${C.available?a:o`<span class="badge unavailable">${this._t("reader_unavailable")}</span>`}
    </div>`}_renderNow(C,V){let L=C.chip,e=C.speaker?this.hass.states[C.speaker]:void 0,r=e?.state==="playing",t=e&&["playing","paused","buffering"].includes(e.state),i=t?e.attributes.media_title:void 0,A=L?.kind==="music"?L.picture:void 0,p=t?e.attributes.entity_picture??A??void 0:void 0,d;return L?L.name?d=L.name:d=this._t("new_chip"):d=this._t("no_chip"),o`<div class="now">
      <div class="on-reader">
        <div class="chip-token ${L?"present":""}">
          ${L?.picture?o`<img class="picture" src=${L.picture} alt="" decoding="async" />`:o`<ha-svg-icon .path=${L?.kind==="control"?q:j}></ha-svg-icon>`}
        </div>
        <div class="on-reader-text">
          <div class="primary">${d}</div>
          ${L?o`<div class="secondary uid">${L.uid}</div>`:a}
          ${L?.blocked?o`<div class="blocked">
                <ha-svg-icon .path=${u3[L.blocked]}></ha-svg-icon>${this._t(`blocked_${L.blocked}`)}
              </div>`:a}
          ${L&&!L.assignable?o`<div class="secondary">${this._t("phone")}</div>`:a}
        </div>
        ${L&&!L.name&&L.assignable&&V?o`<ha-button @click=${()=>this._assign(L.uid)}>${this._t("assign")}</ha-button>`:a}
      </div>
      <div class="player">
        <div class="artwork" style=${p?`background-image:url(${JSON.stringify(p)})`:""}>
          ${p?a:o`<ha-svg-icon .path=${q2}></ha-svg-icon>`}
        </div>
        <div class="player-text">
          <div class="primary">${i||this._t("nothing_plays")}</div>
          ${t&&C.progress&&(!L||L.uid===C.progress.uid)?o`<div class="secondary progress">${this._progressText(C,C.progress)}</div>`:a}
          <div class="secondary">
            ${[t?e.attributes.media_artist:void 0,this._speakerName(C.speaker)].filter(Boolean).join(" · ")}
          </div>
          ${C.speaker_away?o`<div class="secondary fallback">
                ${this._t("on_fallback",{speaker:this._speakerName(C.speaker_away)})}
              </div>`:a}
        </div>
        ${t?o`<ha-icon-button
              .label=${this.hass.localize(r?"ui.card.media_player.media_pause":"ui.card.media_player.media_play")}
              .path=${r?u1:c1}
              @click=${()=>this._playPause(C)}
            ></ha-icon-button>`:a}
      </div>
      ${C.sleep_until||!C.rules?o`<div class="facts">
            ${C.sleep_until?o`<span class="fact"
                  ><ha-svg-icon .path=${Y2}></ha-svg-icon>${this._t("sleep_timer")}
                  ${this._timeLeft(C.sleep_until)}</span
                >`:a}
            ${C.rules?a:o`<span class="fact"
                  ><ha-svg-icon .path=${Y1}></ha-svg-icon>${this._t("max_volume")}
                  ${C.max_volume}%</span
                >`}
          </div>`:a}
      ${C.rules?this._renderRules(C,C.rules,V):a}
    </div>`}_renderRules(C,V,L){let e=o`<ha-svg-icon .path=${V.jukebox_on?z2:K}></ha-svg-icon
      >${V.jukebox_on?this._t("jukebox"):this._t("blocked_off")}`;return o`<div class="rules" role="group" aria-label=${this._t("house_rules")}>
      <div class="rules-title">${this._t("house_rules")}</div>
      <div class="facts">
        ${L?o`<button
              class="fact toggle ${V.jukebox_on?"on":"off"}"
              role="switch"
              aria-checked=${V.jukebox_on?"true":"false"}
              aria-label=${this._t("jukebox")}
              title=${this._t("jukebox")}
              @click=${()=>this._setRules(C,{jukebox_on:!V.jukebox_on})}
            >
              ${e}
            </button>`:o`<span class="fact ${V.jukebox_on?"on":"off"}">${e}</span>`}
        ${V.quiet_hours?o`<span class="fact quiet"
              ><ha-svg-icon .path=${X}></ha-svg-icon>${this._t("quiet_hours")}</span
            >`:a}
        ${V.minutes_left!==null?o`<span class="fact ${V.minutes_left<=0?"off":""}"
              ><ha-svg-icon .path=${R}></ha-svg-icon>${this._t("minutes_left",{minutes:V.minutes_left})}</span
            >`:a}
        ${V.minutes_left!==null&&L?o`<button class="fact action" @click=${()=>this._grant(C)}>
              <ha-svg-icon .path=${J2}></ha-svg-icon>${this._t("grant")}
            </button>`:a}
        <span class="fact"
          ><ha-svg-icon .path=${Y1}></ha-svg-icon>${this._t("volume_range",{min:V.volume[0],max:V.volume[1]})}</span
        >
      </div>
    </div>`}_renderChips(C,V){let L=this._search.trim().toLowerCase(),e=C.chips.filter(r=>!L||[r.name,r.uid,this._speakerName(r.speaker??null),this._music(r)].join(" ").toLowerCase().includes(L));return o`<div class="chips">
      <div class="chips-toolbar">
        ${C.chips.length?o`<label class="search">
              <ha-svg-icon .path=${$2}></ha-svg-icon>
              <input
                type="search"
                .value=${this._search}
                placeholder=${this._t("search")}
                aria-label=${this._t("search")}
                @input=${r=>this._search=r.target.value}
              />
            </label>`:o`<div class="secondary empty">${this._t("no_chips")}</div>`}
        ${V?o`<ha-button @click=${()=>this._assign(C.chip?.name?"":C.chip?.uid??"")}>
              <ha-svg-icon slot="start" .path=${Q2}></ha-svg-icon>${this._t("add")}
            </ha-button>`:a}
      </div>
      ${V?o`<div class="chip-tools">
              <nfc-jukebox-chips-io
                .hass=${this.hass}
                .localize=${this._lz}
                .entryId=${C.entry_id}
              ></nfc-jukebox-chips-io>
              <nfc-jukebox-labels
                .hass=${this.hass}
                .localize=${this._lz}
                .chips=${C.chips}
              ></nfc-jukebox-labels>
            </div>
            <input
              class="picture-input"
              type="file"
              accept="image/*"
              aria-label=${this._t("picture")}
              hidden
              @change=${this._pictureChosen}
            />`:a}
      ${L&&!e.length?o`<div class="secondary empty">${this._t("no_match")}</div>`:a}
      ${e.length>Z3?o`<ul class="chip-list virtual">
            ${x5({items:e,keyFunction:r=>r.subentry_id,renderItem:r=>this._renderChip(C,r,V)})}
          </ul>`:o`<ul class="chip-list">
            ${e.map(r=>this._renderChip(C,r,V))}
          </ul>`}
    </div>`}_renderChip(C,V,L){let e=C.chip?.subentry_id===V.subentry_id;if(this._deleting===V.subentry_id)return o`<li class="chip confirm">
        <div class="chip-text">
          ${this._t("delete_confirm",{name:V.name})}
          ${A2(V)?o`<label class="also-recording"
                ><input
                  type="checkbox"
                  .checked=${this._deleteRecording}
                  @change=${i=>this._deleteRecording=i.target.checked}
                />${this._t("delete_recording_too")}</label
              >`:a}
        </div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._deleting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button variant="danger" @click=${()=>this._delete(C,V)}
            >${this._t("delete")}</ha-button
          >
        </div>
      </li>`;if(this._resetting===V.subentry_id)return o`<li class="chip confirm">
        <div class="chip-text">${this._t("reset_confirm",{name:V.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._resetting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button @click=${()=>this._reset(C,V)}>${this._t("reset_progress")}</ha-button>
        </div>
      </li>`;if(this._pictureOf===V.uid)return o`<li class="chip confirm picture-choice">
        <img class="picture" src=${V.picture??""} alt="" decoding="async" />
        <div class="chip-text">${this._t("picture_of",{name:V.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._pictureOf=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button appearance="plain" @click=${()=>this._removePicture(V.uid)}
            ><ha-svg-icon slot="start" .path=${E2}></ha-svg-icon>${this._t("remove_picture")}</ha-button
          >
          <ha-button @click=${()=>this._pickPicture(V.uid)}
            ><ha-svg-icon slot="start" .path=${q1}></ha-svg-icon>${this._t("new_picture")}</ha-button
          >
        </div>
      </li>`;let r=V.kind==="music"?[this._music(V),this._speakerName(V.speaker??null)]:[s(this._lz,`selector.action.options.${V.action??""}`),V.action==="sleep_timer"&&V.minutes?new Intl.NumberFormat(this.hass.locale?.language??this.hass.language,{style:"unit",unit:"minute",unitDisplay:"long"}).format(V.minutes):""],t=V.picture?o`<img class="picture" src=${V.picture} alt="" loading="lazy" decoding="async" />`:o`<ha-svg-icon
          class="kind"
          .path=${V.kind==="music"?j:q}
          title=${this._t(V.kind==="music"?"music_chip":"control_chip")}
        ></ha-svg-icon>`;return o`<li class="chip ${e?"on-reader-now":""}">
      ${L?o`<button
            class="avatar"
            aria-label=${this._t("picture_of",{name:V.name})}
            title=${this._t("picture")}
            @click=${()=>V.own_picture?this._pictureOf=V.uid:this._pickPicture(V.uid)}
          >
            ${t}<ha-svg-icon class="badge" .path=${q1}></ha-svg-icon>
          </button>`:t}
      <div class="chip-text">
        <div class="primary">${V.name}</div>
        <div class="secondary"><span class="uid">${V.uid}</span></div>
        <div class="secondary">${r.filter(Boolean).join(" · ")}</div>
      </div>
      <div class="actions">
        ${V.kind==="music"?o`<ha-icon-button
              .label=${this._t("play_now")}
              .path=${U2}
              @click=${()=>this._play(C,V)}
            ></ha-icon-button>`:a}
        ${L&&V.kind==="music"?o`<ha-icon-button
              .label=${this._t("edit")}
              .path=${W2}
              @click=${()=>this._edit(V)}
            ></ha-icon-button>`:a}
        ${L&&V.kind==="music"?o`<ha-icon-button
              .label=${this._t("reset_progress")}
              .path=${G2}
              @click=${()=>this._resetting=V.subentry_id}
            ></ha-icon-button>`:a}
        ${L?o`<ha-icon-button
              .label=${this._t("delete")}
              .path=${B2}
              @click=${()=>{this._deleteRecording=!1,this._deleting=V.subentry_id}}
            ></ha-icon-button>`:a}
      </div>
    </li>`}_pickPicture(C){this._pictureFor=C,this._pictureOf=void 0;let V=this.renderRoot.querySelector("input.picture-input");V&&(V.value="",V.click())}async _pictureChosen(C){let V=C.target.files?.[0],L=this._pictureFor;if(!V||!L)return;let e=new FormData;e.append("file",V);let r=await this.hass.fetchWithAuth(`/api/${v}/chips/${L}/picture`,{method:"POST",body:e});this._error=r.ok?void 0:await M1(this._lz,r)}async _removePicture(C){this._pictureOf=void 0;let V=await this.hass.fetchWithAuth(`/api/${v}/chips/${C}/picture`,{method:"DELETE"});this._error=V.ok?void 0:await M1(this._lz,V)}_speakerName(C){return C?this.hass.states[C]?.attributes.friendly_name??C:""}_music(C){let V=C.media;if(!V)return"";if(V.metadata?.title)return V.metadata.title;let L=V.media_content_id.split("/").pop()??V.media_content_id;try{return decodeURIComponent(L)}catch{return L}}_progressText(C,V){let L={track:V.track,tracks:V.tracks,title:V.title},e=C.chips.find(r=>r.uid===V.uid);return this._t(e?.media?.media_content_type==="podcast"?"episode_of":"track_of",L)}_timeLeft(C){let V=Math.max(0,Math.round((Date.parse(C)-this._now)/1e3));return`${Math.floor(V/60)}:${String(V%60).padStart(2,"0")}`}_assign(C){let V={uid:C,name:"",play_on:D,playback:{...e2}},L=this._reader,e=L?.speaker??L?.chips.find(r=>r.speaker)?.speaker;e&&(V.media={entity_id:e,media_content_id:"",media_content_type:""}),this._editing={subentryId:null,initial:V}}_edit(C){let V={uid:C.uid,name:C.name,playback:{...e2,...C.playback}};C.media&&(V.media=C.media);let L=C.media?f5[C.media.media_content_type]:void 0;C.media&&L&&(V[L]=C.media.media_content_id,V.media={entity_id:C.media.entity_id,media_content_id:"",media_content_type:""}),V.play_on=C.play_on??D,this._editing={subentryId:C.subentry_id,initial:V}}async _save(C){let V=this._reader,L=this._editing;if(!V||!L)return;let e=C.target,r={type:`${v}/chip/save`,entry_id:V.entry_id,...C.detail};L.subentryId&&(r.subentry_id=L.subentryId);try{let t=await this.hass.callWS(r);if(t.errors){e.placeholders=t.placeholders,e.errors=t.errors;return}this._editing=void 0}catch(t){e.failure=this._failure(t)}}async _delete(C,V){this._deleting=void 0,await this._call({type:`${v}/chip/delete`,entry_id:C.entry_id,subentry_id:V.subentry_id}),this._deleteRecording&&A2(V)&&V.media&&await this._call({type:`${v}/recording/delete`,media_content_id:V.media.media_content_id})}async _reset(C,V){this._resetting=void 0,await this._call({type:`${v}/chip/reset`,entry_id:C.entry_id,subentry_id:V.subentry_id})}async _play(C,V){await this._call({type:`${v}/chip/play`,entry_id:C.entry_id,subentry_id:V.subentry_id})}async _setRules(C,V){await this._call({type:`${v}/rules/set`,entry_id:C.entry_id,...V})}async _grant(C){await this._call({type:`${v}/rules/grant`,entry_id:C.entry_id})}async _playPause(C){await this._call({type:`${v}/press`,entry_id:C.entry_id,button:"play_pause"})}async _call(C){try{await this.hass.callWS(C)}catch(V){this._error=this._failure(V)}}_failure(C){let V=C;if(V.translation_key){let L=s(this._lz,`exceptions.${V.translation_key}.message`);if(L)return L}return V.message??String(C)}};A1.properties={hass:{attribute:!1},_config:{state:!0},_message:{state:!0},_search:{state:!0},_editing:{state:!0},_deleting:{state:!0},_deleteRecording:{state:!0},_resetting:{state:!0},_pictureOf:{state:!0},_error:{state:!0},_now:{state:!0},_loaded:{state:!0}},A1.styles=u`
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
    .chip-list.virtual {
      display: block;
    }
    .chip-list.virtual > li {
      width: 100%;
      box-sizing: border-box;
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
    .also-recording {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 48px;
      font-size: var(--ha-font-size-s, 12px);
      color: var(--secondary-text-color);
      cursor: pointer;
    }
    .chip.picture-choice {
      flex-wrap: wrap;
    }
    .chip.picture-choice .chip-text {
      min-width: 8em;
    }
    .chip.picture-choice .actions {
      flex: 1 1 auto;
      flex-wrap: wrap;
      justify-content: flex-end;
    }
    .chip.confirm .chip-text {
      white-space: normal;
      color: var(--primary-text-color);
    }
    .chip-tools {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      column-gap: 4px;
    }
    .chip-tools nfc-jukebox-chips-io {
      flex: 0 1 auto;
      min-width: 0;
    }
    .chip-tools nfc-jukebox-labels {
      flex: 1 1 auto;
    }
    .chip-tools nfc-jukebox-labels[open] {
      flex-basis: 100%;
    }
    button.avatar {
      position: relative;
      flex: none;
      display: flex;
      align-items: center;
      justify-content: center;
      width: 48px;
      height: 48px;
      margin: -4px;
      padding: 0;
      border: none;
      border-radius: 50%;
      background: none;
      color: inherit;
      cursor: pointer;
    }
    button.avatar:focus-visible {
      outline: 2px solid var(--primary-color);
    }
    button.avatar .badge {
      position: absolute;
      right: 0;
      bottom: 0;
      --mdc-icon-size: 14px;
      width: 18px;
      height: 18px;
      padding: 2px;
      box-sizing: border-box;
      border-radius: 50%;
      color: var(--text-primary-color, #fff);
      background: var(--primary-color);
    }
    img.picture {
      flex: none;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      object-fit: cover;
      background: var(--secondary-background-color);
    }
    .chip-token img.picture {
      width: 100%;
      height: 100%;
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
  `;customElements.define(d2,A1);var c3=window.customCards??=[];c3.push({type:d2,name:"NFC Jukebox",description:"The reader, the chip on it, what plays, and every chip of the home.",preview:!0,documentationURL:"https://github.com/nfc-jukebox/nfc-jukebox#dashboard-card"});export{A1 as NfcJukeboxCard};
/*! Bundled license information:

@lit-labs/virtualizer/layouts/shared/SizeCache.js:
@lit-labs/virtualizer/layouts/shared/BaseLayout.js:
@lit-labs/virtualizer/layouts/flow.js:
@lit-labs/virtualizer/events.js:
@lit-labs/virtualizer/ScrollerController.js:
@lit-labs/virtualizer/Virtualizer.js:
@lit-labs/virtualizer/virtualize.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
lit-html/directive.js:
lit-html/async-directive.js:
lit-html/directives/repeat.js:
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

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
