var l5=Object.defineProperty;var w1=(M,C,H)=>()=>{if(H)throw H[0];try{return M&&(C=M(M=0)),C}catch(V){throw H=[V],V}};var v5=(M,C)=>{for(var H in C)l5(M,H,{get:C[H],enumerable:!0})};var C1,J2=w1(()=>{C1=class{constructor(C){this._map=new Map,this._roundAverageSize=!1,this.totalSize=0,C?.roundAverageSize===!0&&(this._roundAverageSize=!0)}set(C,H){let V=this._map.get(C)||0;this._map.set(C,H),this.totalSize+=H-V}get averageSize(){if(this._map.size>0){let C=this.totalSize/this._map.size;return this._roundAverageSize?Math.round(C):C}return 0}getSize(C){return this._map.get(C)}clear(){this._map.clear(),this.totalSize=0}}});function K1(M){return M==="horizontal"?"width":"height"}var S1,C5=w1(()=>{S1=class{_getDefaultConfig(){return{direction:"vertical"}}constructor(C,H){this._latestCoords={left:0,top:0},this._direction=null,this._viewportSize={width:0,height:0},this.totalScrollSize={width:0,height:0},this.offsetWithinScroller={left:0,top:0},this._pendingReflow=!1,this._pendingLayoutUpdate=!1,this._pin=null,this._firstVisible=0,this._lastVisible=0,this._physicalMin=0,this._physicalMax=0,this._first=-1,this._last=-1,this._sizeDim="height",this._secondarySizeDim="width",this._positionDim="top",this._secondaryPositionDim="left",this._scrollPosition=0,this._scrollError=0,this._items=[],this._scrollSize=1,this._overhang=1e3,this._hostSink=C,Promise.resolve().then(()=>this.config=H||this._getDefaultConfig())}set config(C){Object.assign(this,Object.assign({},this._getDefaultConfig(),C))}get config(){return{direction:this.direction}}get items(){return this._items}set items(C){this._setItems(C)}_setItems(C){C!==this._items&&(this._items=C,this._scheduleReflow())}get direction(){return this._direction}set direction(C){C=C==="horizontal"?C:"vertical",C!==this._direction&&(this._direction=C,this._sizeDim=C==="horizontal"?"width":"height",this._secondarySizeDim=C==="horizontal"?"height":"width",this._positionDim=C==="horizontal"?"left":"top",this._secondaryPositionDim=C==="horizontal"?"top":"left",this._triggerReflow())}get viewportSize(){return this._viewportSize}set viewportSize(C){let{_viewDim1:H,_viewDim2:V}=this;Object.assign(this._viewportSize,C),V!==this._viewDim2?this._scheduleLayoutUpdate():H!==this._viewDim1&&this._checkThresholds()}get viewportScroll(){return this._latestCoords}set viewportScroll(C){Object.assign(this._latestCoords,C);let H=this._scrollPosition;this._scrollPosition=this._latestCoords[this._positionDim],Math.abs(H-this._scrollPosition)>=1&&this._checkThresholds()}reflowIfNeeded(C=!1){(C||this._pendingReflow)&&(this._pendingReflow=!1,this._reflow())}set pin(C){this._pin=C,this._triggerReflow()}get pin(){if(this._pin!==null){let{index:C,block:H}=this._pin;return{index:Math.max(0,Math.min(C,this.items.length-1)),block:H}}return null}_clampScrollPosition(C){return Math.max(-this.offsetWithinScroller[this._positionDim],Math.min(C,this.totalScrollSize[K1(this.direction)]-this._viewDim1))}unpin(){this._pin!==null&&(this._sendUnpinnedMessage(),this._pin=null)}_updateLayout(){}get _viewDim1(){return this._viewportSize[this._sizeDim]}get _viewDim2(){return this._viewportSize[this._secondarySizeDim]}_scheduleReflow(){this._pendingReflow=!0}_scheduleLayoutUpdate(){this._pendingLayoutUpdate=!0,this._scheduleReflow()}_triggerReflow(){this._scheduleLayoutUpdate(),Promise.resolve().then(()=>this.reflowIfNeeded())}_reflow(){this._pendingLayoutUpdate&&(this._updateLayout(),this._pendingLayoutUpdate=!1),this._updateScrollSize(),this._setPositionFromPin(),this._getActiveItems(),this._updateVisibleIndices(),this._sendStateChangedMessage()}_setPositionFromPin(){if(this.pin!==null){let C=this._scrollPosition,{index:H,block:V}=this.pin;this._scrollPosition=this._calculateScrollIntoViewPosition({index:H,block:V||"start"})-this.offsetWithinScroller[this._positionDim],this._scrollError=C-this._scrollPosition}}_calculateScrollIntoViewPosition(C){let{block:H}=C,V=Math.min(this.items.length,Math.max(0,C.index)),L=this._getItemPosition(V)[this._positionDim],e=L;if(H!=="start"){let r=this._getItemSize(V)[this._sizeDim];if(H==="center")e=L-.5*this._viewDim1+.5*r;else{let i=L-this._viewDim1+r;if(H==="end")e=i;else{let t=this._scrollPosition;e=Math.abs(t-L)<Math.abs(t-i)?L:i}}}return e+=this.offsetWithinScroller[this._positionDim],this._clampScrollPosition(e)}getScrollIntoViewCoordinates(C){return{[this._positionDim]:this._calculateScrollIntoViewPosition(C)}}_sendUnpinnedMessage(){this._hostSink({type:"unpinned"})}_sendVisibilityChangedMessage(){this._hostSink({type:"visibilityChanged",firstVisible:this._firstVisible,lastVisible:this._lastVisible})}_sendStateChangedMessage(){let C=new Map;if(this._first!==-1&&this._last!==-1)for(let V=this._first;V<=this._last;V++)C.set(V,this._getItemPosition(V));let H={type:"stateChanged",scrollSize:{[this._sizeDim]:this._scrollSize,[this._secondarySizeDim]:null},range:{first:this._first,last:this._last,firstVisible:this._firstVisible,lastVisible:this._lastVisible},childPositions:C};this._scrollError&&(H.scrollError={[this._positionDim]:this._scrollError,[this._secondaryPositionDim]:0},this._scrollError=0),this._hostSink(H)}get _num(){return this._first===-1||this._last===-1?0:this._last-this._first+1}_checkThresholds(){if(this._viewDim1===0&&this._num>0||this._pin!==null)this._scheduleReflow();else{let C=Math.max(0,this._scrollPosition-this._overhang),H=Math.min(this._scrollSize,this._scrollPosition+this._viewDim1+this._overhang);this._physicalMin>C||this._physicalMax<H?this._scheduleReflow():this._updateVisibleIndices({emit:!0})}}_updateVisibleIndices(C){if(this._first===-1||this._last===-1)return;let H=this._first;for(;H<this._last&&Math.round(this._getItemPosition(H)[this._positionDim]+this._getItemSize(H)[this._sizeDim])<=Math.round(this._scrollPosition);)H++;let V=this._last;for(;V>this._first&&Math.round(this._getItemPosition(V)[this._positionDim])>=Math.round(this._scrollPosition+this._viewDim1);)V--;(H!==this._firstVisible||V!==this._lastVisible)&&(this._firstVisible=H,this._lastVisible=V,C&&C.emit&&this._sendVisibilityChangedMessage())}}});var V5={};v5(V5,{FlowLayout:()=>h1,flow:()=>B5});function H5(M){return M==="horizontal"?"marginLeft":"marginTop"}function T5(M){return M==="horizontal"?"marginRight":"marginBottom"}function R5(M){return M==="horizontal"?"xOffset":"yOffset"}function F5(M,C){let H=[M,C].sort();return H[1]<=0?Math.min(...H):H[0]>=0?Math.max(...H):H[0]+H[1]}var B5,j1,h1,L5=w1(()=>{J2();C5();B5=M=>Object.assign({type:h1},M);j1=class{constructor(){this._childSizeCache=new C1,this._marginSizeCache=new C1,this._metricsCache=new Map}update(C,H){let V=new Set;Object.keys(C).forEach(L=>{let e=Number(L);this._metricsCache.set(e,C[e]),this._childSizeCache.set(e,C[e][K1(H)]),V.add(e),V.add(e+1)});for(let L of V){let e=this._metricsCache.get(L)?.[H5(H)]||0,r=this._metricsCache.get(L-1)?.[T5(H)]||0;this._marginSizeCache.set(L,F5(e,r))}}get averageChildSize(){return this._childSizeCache.averageSize}get totalChildSize(){return this._childSizeCache.totalSize}get averageMarginSize(){return this._marginSizeCache.averageSize}get totalMarginSize(){return this._marginSizeCache.totalSize}getLeadingMarginValue(C,H){return this._metricsCache.get(C)?.[H5(H)]||0}getChildSize(C){return this._childSizeCache.getSize(C)}getMarginSize(C){return this._marginSizeCache.getSize(C)}clear(){this._childSizeCache.clear(),this._marginSizeCache.clear(),this._metricsCache.clear()}},h1=class extends S1{constructor(){super(...arguments),this._itemSize={width:100,height:100},this._physicalItems=new Map,this._newPhysicalItems=new Map,this._metricsCache=new j1,this._anchorIdx=null,this._anchorPos=null,this._stable=!0,this._measureChildren=!0,this._estimate=!0}get measureChildren(){return this._measureChildren}updateItemSizes(C){this._metricsCache.update(C,this.direction),this._scheduleReflow()}_getPhysicalItem(C){return this._newPhysicalItems.get(C)??this._physicalItems.get(C)}_getSize(C){return this._getPhysicalItem(C)&&this._metricsCache.getChildSize(C)}_getAverageSize(){return this._metricsCache.averageChildSize||this._itemSize[this._sizeDim]}_estimatePosition(C){let H=this._metricsCache;if(this._first===-1||this._last===-1)return H.averageMarginSize+C*(H.averageMarginSize+this._getAverageSize());if(C<this._first){let V=this._first-C;return this._getPhysicalItem(this._first).pos-(H.getMarginSize(this._first-1)||H.averageMarginSize)-(V*H.averageChildSize+(V-1)*H.averageMarginSize)}else{let V=C-this._last;return this._getPhysicalItem(this._last).pos+(H.getChildSize(this._last)||H.averageChildSize)+(H.getMarginSize(this._last)||H.averageMarginSize)+V*(H.averageChildSize+H.averageMarginSize)}}_getPosition(C){let H=this._getPhysicalItem(C),{averageMarginSize:V}=this._metricsCache;return C===0?this._metricsCache.getMarginSize(0)??V:H?H.pos:this._estimatePosition(C)}_calculateAnchor(C,H){return C<=0?0:H>this._scrollSize-this._viewDim1?this.items.length-1:Math.max(0,Math.min(this.items.length-1,Math.floor((C+H)/2/this._delta)))}_getAnchor(C,H){if(this._physicalItems.size===0)return this._calculateAnchor(C,H);if(this._first<0)return this._calculateAnchor(C,H);if(this._last<0)return this._calculateAnchor(C,H);let V=this._getPhysicalItem(this._first),L=this._getPhysicalItem(this._last),e=V.pos;if(L.pos+this._metricsCache.getChildSize(this._last)<C)return this._calculateAnchor(C,H);if(e>H)return this._calculateAnchor(C,H);let t=this._firstVisible-1,A=-1/0;for(;A<C;)A=this._getPhysicalItem(++t).pos+this._metricsCache.getChildSize(t);return t}_getActiveItems(){this._viewDim1===0||this.items.length===0?this._clearItems():this._getItems()}_clearItems(){this._first=-1,this._last=-1,this._physicalMin=0,this._physicalMax=0;let C=this._newPhysicalItems;this._newPhysicalItems=this._physicalItems,this._newPhysicalItems.clear(),this._physicalItems=C,this._stable=!0}_getItems(){let C=this._newPhysicalItems;this._stable=!0;let H,V;if(this.pin!==null){let{index:A}=this.pin;this._anchorIdx=A,this._anchorPos=this._getPosition(A)}if(H=this._scrollPosition-this._overhang,V=this._scrollPosition+this._viewDim1+this._overhang,V<0||H>this._scrollSize){this._clearItems();return}(this._anchorIdx===null||this._anchorPos===null)&&(this._anchorIdx=this._getAnchor(H,V),this._anchorPos=this._getPosition(this._anchorIdx));let L=this._getSize(this._anchorIdx);L===void 0&&(this._stable=!1,L=this._getAverageSize());let e=this._metricsCache.getMarginSize(this._anchorIdx)??this._metricsCache.averageMarginSize,r=this._metricsCache.getMarginSize(this._anchorIdx+1)??this._metricsCache.averageMarginSize;this._anchorIdx===0&&(this._anchorPos=e),this._anchorIdx===this.items.length-1&&(this._anchorPos=this._scrollSize-r-L);let i=0;for(this._anchorPos+L+r<H&&(i=H-(this._anchorPos+L+r)),this._anchorPos-e>V&&(i=V-(this._anchorPos-e)),i&&(this._scrollPosition-=i,H-=i,V-=i,this._scrollError+=i),C.set(this._anchorIdx,{pos:this._anchorPos,size:L}),this._first=this._last=this._anchorIdx,this._physicalMin=this._anchorPos-e,this._physicalMax=this._anchorPos+L+r;this._physicalMin>H&&this._first>0;){let A=this._getSize(--this._first);A===void 0&&(this._stable=!1,A=this._getAverageSize());let p=this._metricsCache.getMarginSize(this._first);p===void 0&&(this._stable=!1,p=this._metricsCache.averageMarginSize),this._physicalMin-=A;let d=this._physicalMin;if(C.set(this._first,{pos:d,size:A}),this._physicalMin-=p,this._stable===!1&&this._estimate===!1)break}for(;this._physicalMax<V&&this._last<this.items.length-1;){let A=this._getSize(++this._last);A===void 0&&(this._stable=!1,A=this._getAverageSize());let p=this._metricsCache.getMarginSize(this._last);p===void 0&&(this._stable=!1,p=this._metricsCache.averageMarginSize);let d=this._physicalMax;if(C.set(this._last,{pos:d,size:A}),this._physicalMax+=A+p,!this._stable&&!this._estimate)break}let t=this._calculateError();t&&(this._physicalMin-=t,this._physicalMax-=t,this._anchorPos-=t,this._scrollPosition-=t,C.forEach(A=>A.pos-=t),this._scrollError+=t),this._stable&&(this._newPhysicalItems=this._physicalItems,this._newPhysicalItems.clear(),this._physicalItems=C)}_calculateError(){return this._first===0?this._physicalMin:this._physicalMin<=0?this._physicalMin-this._first*this._delta:this._last===this.items.length-1?this._physicalMax-this._scrollSize:this._physicalMax>=this._scrollSize?this._physicalMax-this._scrollSize+(this.items.length-1-this._last)*this._delta:0}_reflow(){let{_first:C,_last:H}=this;super._reflow(),(this._first===-1&&this._last==-1||this._first===C&&this._last===H)&&this._resetReflowState()}_resetReflowState(){this._anchorIdx=null,this._anchorPos=null,this._stable=!0}_updateScrollSize(){let{averageMarginSize:C}=this._metricsCache;this._scrollSize=Math.max(1,this.items.length*(C+this._getAverageSize())+C)}get _delta(){let{averageMarginSize:C}=this._metricsCache;return this._getAverageSize()+C}_getItemPosition(C){return{[this._positionDim]:this._getPosition(C),[this._secondaryPositionDim]:0,[R5(this.direction)]:-(this._metricsCache.getLeadingMarginValue(C,this.direction)??this._metricsCache.averageMarginSize)}}_getItemSize(C){return{[this._sizeDim]:this._getSize(C)||this._getAverageSize(),[this._secondarySizeDim]:this._itemSize[this._secondarySizeDim]}}_viewDim2Changed(){this._metricsCache.clear(),this._scheduleReflow()}}});var t1=globalThis,i1=t1.ShadowRoot&&(t1.ShadyCSS===void 0||t1.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,P1=Symbol(),V2=new WeakMap,z=class{constructor(C,H,V){if(this._$cssResult$=!0,V!==P1)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=C,this.t=H}get styleSheet(){let C=this.o,H=this.t;if(i1&&C===void 0){let V=H!==void 0&&H.length===1;V&&(C=V2.get(H)),C===void 0&&((this.o=C=new CSSStyleSheet).replaceSync(this.cssText),V&&V2.set(H,C))}return C}toString(){return this.cssText}},L2=M=>new z(typeof M=="string"?M:M+"",void 0,P1),c=(M,...C)=>{let H=M.length===1?M[0]:C.reduce((V,L,e)=>V+(r=>{if(r._$cssResult$===!0)return r.cssText;if(typeof r=="number")return r;throw Error("Value passed to 'css' function must be a 'css' function result: "+r+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(L)+M[e+1],M[0]);return new z(H,M,P1)},M2=(M,C)=>{if(i1)M.adoptedStyleSheets=C.map(H=>H instanceof CSSStyleSheet?H:H.styleSheet);else for(let H of C){let V=document.createElement("style"),L=t1.litNonce;L!==void 0&&V.setAttribute("nonce",L),V.textContent=H.cssText,M.appendChild(V)}},B1=i1?M=>M:M=>M instanceof CSSStyleSheet?(C=>{let H="";for(let V of C.cssRules)H+=V.cssText;return L2(H)})(M):M;var{is:x5,defineProperty:s5,getOwnPropertyDescriptor:Z5,getOwnPropertyNames:u5,getOwnPropertySymbols:c5,getPrototypeOf:S5}=Object,o1=globalThis,e2=o1.trustedTypes,h5=e2?e2.emptyScript:"",f5=o1.reactiveElementPolyfillSupport,I=(M,C)=>M,T1={toAttribute(M,C){switch(C){case Boolean:M=M?h5:null;break;case Object:case Array:M=M==null?M:JSON.stringify(M)}return M},fromAttribute(M,C){let H=M;switch(C){case Boolean:H=M!==null;break;case Number:H=M===null?null:Number(M);break;case Object:case Array:try{H=JSON.parse(M)}catch{H=null}}return H}},t2=(M,C)=>!x5(M,C),r2={attribute:!0,type:String,converter:T1,reflect:!1,useDefault:!1,hasChanged:t2};Symbol.metadata??=Symbol("metadata"),o1.litPropertyMetadata??=new WeakMap;var f=class extends HTMLElement{static addInitializer(C){this._$Ei(),(this.l??=[]).push(C)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(C,H=r2){if(H.state&&(H.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(C)&&((H=Object.create(H)).wrapped=!0),this.elementProperties.set(C,H),!H.noAccessor){let V=Symbol(),L=this.getPropertyDescriptor(C,V,H);L!==void 0&&s5(this.prototype,C,L)}}static getPropertyDescriptor(C,H,V){let{get:L,set:e}=Z5(this.prototype,C)??{get(){return this[H]},set(r){this[H]=r}};return{get:L,set(r){let i=L?.call(this);e?.call(this,r),this.requestUpdate(C,i,V)},configurable:!0,enumerable:!0}}static getPropertyOptions(C){return this.elementProperties.get(C)??r2}static _$Ei(){if(this.hasOwnProperty(I("elementProperties")))return;let C=S5(this);C.finalize(),C.l!==void 0&&(this.l=[...C.l]),this.elementProperties=new Map(C.elementProperties)}static finalize(){if(this.hasOwnProperty(I("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(I("properties"))){let H=this.properties,V=[...u5(H),...c5(H)];for(let L of V)this.createProperty(L,H[L])}let C=this[Symbol.metadata];if(C!==null){let H=litPropertyMetadata.get(C);if(H!==void 0)for(let[V,L]of H)this.elementProperties.set(V,L)}this._$Eh=new Map;for(let[H,V]of this.elementProperties){let L=this._$Eu(H,V);L!==void 0&&this._$Eh.set(L,H)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(C){let H=[];if(Array.isArray(C)){let V=new Set(C.flat(1/0).reverse());for(let L of V)H.unshift(B1(L))}else C!==void 0&&H.push(B1(C));return H}static _$Eu(C,H){let V=H.attribute;return V===!1?void 0:typeof V=="string"?V:typeof C=="string"?C.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(C=>this.enableUpdating=C),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(C=>C(this))}addController(C){(this._$EO??=new Set).add(C),this.renderRoot!==void 0&&this.isConnected&&C.hostConnected?.()}removeController(C){this._$EO?.delete(C)}_$E_(){let C=new Map,H=this.constructor.elementProperties;for(let V of H.keys())this.hasOwnProperty(V)&&(C.set(V,this[V]),delete this[V]);C.size>0&&(this._$Ep=C)}createRenderRoot(){let C=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return M2(C,this.constructor.elementStyles),C}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(C=>C.hostConnected?.())}enableUpdating(C){}disconnectedCallback(){this._$EO?.forEach(C=>C.hostDisconnected?.())}attributeChangedCallback(C,H,V){this._$AK(C,V)}_$ET(C,H){let V=this.constructor.elementProperties.get(C),L=this.constructor._$Eu(C,V);if(L!==void 0&&V.reflect===!0){let e=(V.converter?.toAttribute!==void 0?V.converter:T1).toAttribute(H,V.type);this._$Em=C,e==null?this.removeAttribute(L):this.setAttribute(L,e),this._$Em=null}}_$AK(C,H){let V=this.constructor,L=V._$Eh.get(C);if(L!==void 0&&this._$Em!==L){let e=V.getPropertyOptions(L),r=typeof e.converter=="function"?{fromAttribute:e.converter}:e.converter?.fromAttribute!==void 0?e.converter:T1;this._$Em=L;let i=r.fromAttribute(H,e.type);this[L]=i??this._$Ej?.get(L)??i,this._$Em=null}}requestUpdate(C,H,V,L=!1,e){if(C!==void 0){let r=this.constructor;if(L===!1&&(e=this[C]),V??=r.getPropertyOptions(C),!((V.hasChanged??t2)(e,H)||V.useDefault&&V.reflect&&e===this._$Ej?.get(C)&&!this.hasAttribute(r._$Eu(C,V))))return;this.C(C,H,V)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(C,H,{useDefault:V,reflect:L,wrapped:e},r){V&&!(this._$Ej??=new Map).has(C)&&(this._$Ej.set(C,r??H??this[C]),e!==!0||r!==void 0)||(this._$AL.has(C)||(this.hasUpdated||V||(H=void 0),this._$AL.set(C,H)),L===!0&&this._$Em!==C&&(this._$Eq??=new Set).add(C))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(H){Promise.reject(H)}let C=this.scheduleUpdate();return C!=null&&await C,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[L,e]of this._$Ep)this[L]=e;this._$Ep=void 0}let V=this.constructor.elementProperties;if(V.size>0)for(let[L,e]of V){let{wrapped:r}=e,i=this[L];r!==!0||this._$AL.has(L)||i===void 0||this.C(L,void 0,e,i)}}let C=!1,H=this._$AL;try{C=this.shouldUpdate(H),C?(this.willUpdate(H),this._$EO?.forEach(V=>V.hostUpdate?.()),this.update(H)):this._$EM()}catch(V){throw C=!1,this._$EM(),V}C&&this._$AE(H)}willUpdate(C){}_$AE(C){this._$EO?.forEach(H=>H.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(C)),this.updated(C)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(C){return!0}update(C){this._$Eq&&=this._$Eq.forEach(H=>this._$ET(H,this[H])),this._$EM()}updated(C){}firstUpdated(C){}};f.elementStyles=[],f.shadowRootOptions={mode:"open"},f[I("elementProperties")]=new Map,f[I("finalized")]=new Map,f5?.({ReactiveElement:f}),(o1.reactiveElementVersions??=[]).push("2.1.2");var F1=globalThis,i2=M=>M,a1=F1.trustedTypes,o2=a1?a1.createPolicy("lit-html",{createHTML:M=>M}):void 0,E1="$lit$",O=`lit$${Math.random().toFixed(9).slice(2)}$`,D1="?"+O,O5=`<${D1}>`,y=document,W=()=>y.createComment(""),U=M=>M===null||typeof M!="object"&&typeof M!="function",$1=Array.isArray,m2=M=>$1(M)||typeof M?.[Symbol.iterator]=="function",R1=`[ 	
\f\r]`,N=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,a2=/-->/g,A2=/>/g,_=RegExp(`>|${R1}(?:([^\\s"'>=/]+)(${R1}*=${R1}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),d2=/'/g,p2=/"/g,l2=/^(?:script|style|textarea|title)$/i,z1=M=>(C,...H)=>({_$litType$:M,strings:C,values:H}),o=z1(1),a3=z1(2),A3=z1(3),S=Symbol.for("lit-noChange"),a=Symbol.for("lit-nothing"),n2=new WeakMap,k=y.createTreeWalker(y,129);function v2(M,C){if(!$1(M)||!M.hasOwnProperty("raw"))throw Error("invalid template strings array");return o2!==void 0?o2.createHTML(C):C}var x2=(M,C)=>{let H=M.length-1,V=[],L,e=C===2?"<svg>":C===3?"<math>":"",r=N;for(let i=0;i<H;i++){let t=M[i],A,p,d=-1,l=0;for(;l<t.length&&(r.lastIndex=l,p=r.exec(t),p!==null);)l=r.lastIndex,r===N?p[1]==="!--"?r=a2:p[1]!==void 0?r=A2:p[2]!==void 0?(l2.test(p[2])&&(L=RegExp("</"+p[2],"g")),r=_):p[3]!==void 0&&(r=_):r===_?p[0]===">"?(r=L??N,d=-1):p[1]===void 0?d=-2:(d=r.lastIndex-p[2].length,A=p[1],r=p[3]===void 0?_:p[3]==='"'?p2:d2):r===p2||r===d2?r=_:r===a2||r===A2?r=N:(r=_,L=void 0);let n=r===_&&M[i+1].startsWith("/>")?" ":"";e+=r===N?t+O5:d>=0?(V.push(A),t.slice(0,d)+E1+t.slice(d)+O+n):t+O+(d===-2?i:n)}return[v2(M,e+(M[H]||"<?>")+(C===2?"</svg>":C===3?"</math>":"")),V]},Q=class M{constructor({strings:C,_$litType$:H},V){let L;this.parts=[];let e=0,r=0,i=C.length-1,t=this.parts,[A,p]=x2(C,H);if(this.el=M.createElement(A,V),k.currentNode=this.el.content,H===2||H===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(L=k.nextNode())!==null&&t.length<i;){if(L.nodeType===1){if(L.hasAttributes())for(let d of L.getAttributeNames())if(d.endsWith(E1)){let l=p[r++],n=L.getAttribute(d).split(O),s=/([.?@])?(.*)/.exec(l);t.push({type:1,index:e,name:s[2],strings:n,ctor:s[1]==="."?d1:s[1]==="?"?p1:s[1]==="@"?n1:w}),L.removeAttribute(d)}else d.startsWith(O)&&(t.push({type:6,index:e}),L.removeAttribute(d));if(l2.test(L.tagName)){let d=L.textContent.split(O),l=d.length-1;if(l>0){L.textContent=a1?a1.emptyScript:"";for(let n=0;n<l;n++)L.append(d[n],W()),k.nextNode(),t.push({type:2,index:++e});L.append(d[l],W())}}}else if(L.nodeType===8)if(L.data===D1)t.push({type:2,index:e});else{let d=-1;for(;(d=L.data.indexOf(O,d+1))!==-1;)t.push({type:7,index:e}),d+=O.length-1}e++}}static createElement(C,H){let V=y.createElement("template");return V.innerHTML=C,V}};function b(M,C,H=M,V){if(C===S)return C;let L=V!==void 0?H._$Co?.[V]:H._$Cl,e=U(C)?void 0:C._$litDirective$;return L?.constructor!==e&&(L?._$AO?.(!1),e===void 0?L=void 0:(L=new e(M),L._$AT(M,H,V)),V!==void 0?(H._$Co??=[])[V]=L:H._$Cl=L),L!==void 0&&(C=b(M,L._$AS(M,C.values),L,V)),C}var A1=class{constructor(C,H){this._$AV=[],this._$AN=void 0,this._$AD=C,this._$AM=H}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(C){let{el:{content:H},parts:V}=this._$AD,L=(C?.creationScope??y).importNode(H,!0);k.currentNode=L;let e=k.nextNode(),r=0,i=0,t=V[0];for(;t!==void 0;){if(r===t.index){let A;t.type===2?A=new B(e,e.nextSibling,this,C):t.type===1?A=new t.ctor(e,t.name,t.strings,this,C):t.type===6&&(A=new m1(e,this,C)),this._$AV.push(A),t=V[++i]}r!==t?.index&&(e=k.nextNode(),r++)}return k.currentNode=y,L}p(C){let H=0;for(let V of this._$AV)V!==void 0&&(V.strings!==void 0?(V._$AI(C,V,H),H+=V.strings.length-2):V._$AI(C[H])),H++}},B=class M{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(C,H,V,L){this.type=2,this._$AH=a,this._$AN=void 0,this._$AA=C,this._$AB=H,this._$AM=V,this.options=L,this._$Cv=L?.isConnected??!0}get parentNode(){let C=this._$AA.parentNode,H=this._$AM;return H!==void 0&&C?.nodeType===11&&(C=H.parentNode),C}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(C,H=this){C=b(this,C,H),U(C)?C===a||C==null||C===""?(this._$AH!==a&&this._$AR(),this._$AH=a):C!==this._$AH&&C!==S&&this._(C):C._$litType$!==void 0?this.$(C):C.nodeType!==void 0?this.T(C):m2(C)?this.k(C):this._(C)}O(C){return this._$AA.parentNode.insertBefore(C,this._$AB)}T(C){this._$AH!==C&&(this._$AR(),this._$AH=this.O(C))}_(C){this._$AH!==a&&U(this._$AH)?this._$AA.nextSibling.data=C:this.T(y.createTextNode(C)),this._$AH=C}$(C){let{values:H,_$litType$:V}=C,L=typeof V=="number"?this._$AC(C):(V.el===void 0&&(V.el=Q.createElement(v2(V.h,V.h[0]),this.options)),V);if(this._$AH?._$AD===L)this._$AH.p(H);else{let e=new A1(L,this),r=e.u(this.options);e.p(H),this.T(r),this._$AH=e}}_$AC(C){let H=n2.get(C.strings);return H===void 0&&n2.set(C.strings,H=new Q(C)),H}k(C){$1(this._$AH)||(this._$AH=[],this._$AR());let H=this._$AH,V,L=0;for(let e of C)L===H.length?H.push(V=new M(this.O(W()),this.O(W()),this,this.options)):V=H[L],V._$AI(e),L++;L<H.length&&(this._$AR(V&&V._$AB.nextSibling,L),H.length=L)}_$AR(C=this._$AA.nextSibling,H){for(this._$AP?.(!1,!0,H);C!==this._$AB;){let V=i2(C).nextSibling;i2(C).remove(),C=V}}setConnected(C){this._$AM===void 0&&(this._$Cv=C,this._$AP?.(C))}},w=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(C,H,V,L,e){this.type=1,this._$AH=a,this._$AN=void 0,this.element=C,this.name=H,this._$AM=L,this.options=e,V.length>2||V[0]!==""||V[1]!==""?(this._$AH=Array(V.length-1).fill(new String),this.strings=V):this._$AH=a}_$AI(C,H=this,V,L){let e=this.strings,r=!1;if(e===void 0)C=b(this,C,H,0),r=!U(C)||C!==this._$AH&&C!==S,r&&(this._$AH=C);else{let i=C,t,A;for(C=e[0],t=0;t<e.length-1;t++)A=b(this,i[V+t],H,t),A===S&&(A=this._$AH[t]),r||=!U(A)||A!==this._$AH[t],A===a?C=a:C!==a&&(C+=(A??"")+e[t+1]),this._$AH[t]=A}r&&!L&&this.j(C)}j(C){C===a?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,C??"")}},d1=class extends w{constructor(){super(...arguments),this.type=3}j(C){this.element[this.name]=C===a?void 0:C}},p1=class extends w{constructor(){super(...arguments),this.type=4}j(C){this.element.toggleAttribute(this.name,!!C&&C!==a)}},n1=class extends w{constructor(C,H,V,L,e){super(C,H,V,L,e),this.type=5}_$AI(C,H=this){if((C=b(this,C,H,0)??a)===S)return;let V=this._$AH,L=C===a&&V!==a||C.capture!==V.capture||C.once!==V.once||C.passive!==V.passive,e=C!==a&&(V===a||L);L&&this.element.removeEventListener(this.name,this,V),e&&this.element.addEventListener(this.name,this,C),this._$AH=C}handleEvent(C){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,C):this._$AH.handleEvent(C)}},m1=class{constructor(C,H,V){this.element=C,this.type=6,this._$AN=void 0,this._$AM=H,this.options=V}get _$AU(){return this._$AM._$AU}_$AI(C){b(this,C)}},s2={M:E1,P:O,A:D1,C:1,L:x2,R:A1,D:m2,V:b,I:B,H:w,N:p1,U:n1,B:d1,F:m1},g5=F1.litHtmlPolyfillSupport;g5?.(Q,B),(F1.litHtmlVersions??=[]).push("3.3.3");var Z2=(M,C,H)=>{let V=H?.renderBefore??C,L=V._$litPart$;if(L===void 0){let e=H?.renderBefore??null;V._$litPart$=L=new B(C.insertBefore(W(),e),e,void 0,H??{})}return L._$AI(M),L};var I1=globalThis,Z=class extends f{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let C=super.createRenderRoot();return this.renderOptions.renderBefore??=C.firstChild,C}update(C){let H=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(C),this._$Do=Z2(H,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return S}};Z._$litElement$=!0,Z.finalized=!0,I1.litElementHydrateSupport?.({LitElement:Z});var _5=I1.litElementPolyfillSupport;_5?.({LitElement:Z});(I1.litElementVersions??=[]).push("4.2.2");var u2="M20,11V13H8L13.5,18.5L12.08,19.92L4.16,12L12.08,4.08L13.5,5.5L8,11H20Z";var N1="M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z";var c2="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var S2="M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z";var h2="M5,20H19V18H5M19,9H15V3H9V9H5L12,16L19,9Z";var f2="M22 8V11H20V8H4V18H13.78C13.38 18.59 13.13 19.26 13.04 20H4C2.9 20 2 19.11 2 18V6C2 4.89 2.89 4 4 4H10L12 6H20C21.1 6 22 6.89 22 8M18.5 13V18.21C18.19 18.07 17.86 18 17.5 18C16.12 18 15 19.12 15 20.5S16.12 23 17.5 23 20 21.88 20 20.5V15H22V13H18.5Z";var O2="M20,18H4V8H20M20,6H12L10,4H4C2.89,4 2,4.89 2,6V18A2,2 0 0,0 4,20H20A2,2 0 0,0 22,18V8C22,6.89 21.1,6 20,6Z";var g2="M13.3 21H5C3.9 21 3 20.1 3 19V5C3 3.9 3.9 3 5 3H19C20.1 3 21 3.9 21 5V13.3C20.4 13.1 19.7 13 19 13C17.9 13 16.8 13.3 15.9 13.9L14.5 12L11 16.5L8.5 13.5L5 18H13.1C13 18.3 13 18.7 13 19C13 19.7 13.1 20.4 13.3 21M20.4 19L22.5 21.1L21.1 22.5L19 20.4L16.9 22.5L15.5 21.1L17.6 19L15.5 16.9L16.9 15.5L19 17.6L21.1 15.5L22.5 16.9L20.4 19Z";var _2="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var k2="M12,2A3,3 0 0,1 15,5V11A3,3 0 0,1 12,14A3,3 0 0,1 9,11V5A3,3 0 0,1 12,2M19,11C19,14.53 16.39,17.44 13,17.93V21H11V17.93C7.61,17.44 5,14.53 5,11H7A5,5 0 0,0 12,16A5,5 0 0,0 17,11H19Z";var W1="M21,3V15.5A3.5,3.5 0 0,1 17.5,19A3.5,3.5 0 0,1 14,15.5A3.5,3.5 0 0,1 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L9,8.6V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V6L21,3Z";var y2="M16,9H13V14.5A2.5,2.5 0 0,1 10.5,17A2.5,2.5 0 0,1 8,14.5A2.5,2.5 0 0,1 10.5,12C11.07,12 11.58,12.19 12,12.5V7H16M19,3H5A2,2 0 0,0 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5A2,2 0 0,0 19,3Z";var b2="M12 3V13.55C11.41 13.21 10.73 13 10 13C7.79 13 6 14.79 6 17S7.79 21 10 21 14 19.21 14 17V7H18V3H12Z";var G="M2,5.27L3.28,4L20,20.72L18.73,22L9,12.27V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V10.27L2,5.27M21,3V15.5C21,16.5 20.57,17.42 19.88,18.06L14.94,13.12C15.58,12.43 16.5,12 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L10.17,8.35L7.66,5.84L21,3Z";var w2="M18,6H13A2,2 0 0,0 11,8V10.28C10.41,10.62 10,11.26 10,12A2,2 0 0,0 12,14C13.11,14 14,13.1 14,12C14,11.26 13.6,10.62 13,10.28V8H16V16H8V8H10V6H8L6,6V18H18M20,20H4V4H20M20,2H4A2,2 0 0,0 2,4V20A2,2 0 0,0 4,22H20C21.11,22 22,21.1 22,20V4C22,2.89 21.11,2 20,2Z";var l1="M14,19H18V5H14M6,19H10V5H6V19Z";var P2="M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z";var v1="M8,5.14V19.14L19,12.14L8,5.14Z";var B2="M3 10H14V12H3V10M3 6H14V8H3V6M3 14H10V16H3V14M16 13V21L22 17L16 13Z";var T2="M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z";var R2="M12,4C14.1,4 16.1,4.8 17.6,6.3C20.7,9.4 20.7,14.5 17.6,17.6C15.8,19.5 13.3,20.2 10.9,19.9L11.4,17.9C13.1,18.1 14.9,17.5 16.2,16.2C18.5,13.9 18.5,10.1 16.2,7.7C15.1,6.6 13.5,6 12,6V10.6L7,5.6L12,0.6V4M6.3,17.6C3.7,15 3.3,11 5.1,7.9L6.6,9.4C5.5,11.6 5.9,14.4 7.8,16.2C8.3,16.7 8.9,17.1 9.6,17.4L9,19.4C8,19 7.1,18.4 6.3,17.6Z";var F2="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var E2="M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z";var D2="M12,12A3,3 0 0,0 9,15A3,3 0 0,0 12,18A3,3 0 0,0 15,15A3,3 0 0,0 12,12M12,20A5,5 0 0,1 7,15A5,5 0 0,1 12,10A5,5 0 0,1 17,15A5,5 0 0,1 12,20M12,4A2,2 0 0,1 14,6A2,2 0 0,1 12,8C10.89,8 10,7.1 10,6C10,4.89 10.89,4 12,4M17,2H7C5.89,2 5,2.89 5,4V20A2,2 0 0,0 7,22H17A2,2 0 0,0 19,20V4C19,2.89 18.1,2 17,2Z";var $2="M18,18H6V6H18V18Z";var z2="M12,20A7,7 0 0,1 5,13A7,7 0 0,1 12,6A7,7 0 0,1 19,13A7,7 0 0,1 12,20M19.03,7.39L20.45,5.97C20,5.46 19.55,5 19.04,4.56L17.62,6C16.07,4.74 14.12,4 12,4A9,9 0 0,0 3,13A9,9 0 0,0 12,22C17,22 21,17.97 21,13C21,10.88 20.26,8.93 19.03,7.39M11,14H13V8H11M15,1H9V3H15V1Z";var I2="M11 8H13V14H11V8M15 1H9V3H15V1M12 20C8.13 20 5 16.87 5 13S8.13 6 12 6 19 9.13 19 13C19.7 13 20.36 13.13 21 13.35C21 13.23 21 13.12 21 13C21 10.88 20.26 8.93 19.03 7.39L20.45 5.97C20 5.46 19.55 5 19.04 4.56L17.62 6C16.07 4.74 14.12 4 12 4C7.03 4 3 8.03 3 13S7.03 22 12 22C12.59 22 13.16 21.94 13.71 21.83C13.4 21.25 13.18 20.6 13.08 19.91C12.72 19.96 12.37 20 12 20M20 18V15H18V18H15V20H18V23H20V20H23V18H20Z";var T="M6,2H18V8H18V8L14,12L18,16V16H18V22H6V16H6V16L10,12L6,8V8H6V2M16,16.5L12,12.5L8,16.5V20H16V16.5M12,11.5L16,7.5V4H8V7.5L12,11.5M10,6H14V6.75L12,8.75L10,6.75V6Z";var U1="M8 13C6.14 13 4.59 14.28 4.14 16H2V18H4.14C4.59 19.72 6.14 21 8 21S11.41 19.72 11.86 18H22V16H11.86C11.41 14.28 9.86 13 8 13M8 19C6.9 19 6 18.1 6 17C6 15.9 6.9 15 8 15S10 15.9 10 17C10 18.1 9.1 19 8 19M19.86 6C19.41 4.28 17.86 3 16 3S12.59 4.28 12.14 6H2V8H12.14C12.59 9.72 14.14 11 16 11S19.41 9.72 19.86 8H22V6H19.86M16 9C14.9 9 14 8.1 14 7C14 5.9 14.9 5 16 5S18 5.9 18 7C18 8.1 17.1 9 16 9Z";var x1="M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z";var Q1="M14,3.23V5.29C16.89,6.15 19,8.83 19,12C19,15.17 16.89,17.84 14,18.7V20.77C18,19.86 21,16.28 21,12C21,7.72 18,4.14 14,3.23M16.5,12C16.5,10.23 15.5,8.71 14,7.97V16C15.5,15.29 16.5,13.76 16.5,12M3,9V15H7L12,20V4L7,9H3Z";var N2="M3,9H7L12,4V20L7,15H3V9M14,11H22V13H14V11Z";var W2="M3,9H7L12,4V20L7,15H3V9M14,11H17V8H19V11H22V13H19V16H17V13H14V11Z";var K="M17.75,4.09L15.22,6.03L16.13,9.09L13.5,7.28L10.87,9.09L11.78,6.03L9.25,4.09L12.44,4L13.5,1L14.56,4L17.75,4.09M21.25,11L19.61,12.25L20.2,14.23L18.5,13.06L16.8,14.23L17.39,12.25L15.75,11L17.81,10.95L18.5,9L19.19,10.95L21.25,11M18.97,15.95C19.8,15.87 20.69,17.05 20.16,17.8C19.84,18.25 19.5,18.67 19.08,19.07C15.17,23 8.84,23 4.94,19.07C1.03,15.17 1.03,8.83 4.94,4.93C5.34,4.53 5.76,4.17 6.21,3.85C6.96,3.32 8.14,4.21 8.06,5.04C7.79,7.9 8.75,10.87 10.95,13.06C13.14,15.26 16.1,16.22 18.97,15.95M17.33,17.97C14.5,17.81 11.7,16.64 9.53,14.5C7.36,12.31 6.2,9.5 6.04,6.68C3.23,9.82 3.34,14.64 6.35,17.66C9.37,20.67 14.19,20.78 17.33,17.97Z";var F={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},j=M=>(...C)=>({_$litDirective$:M,values:C}),R=class{constructor(C){}get _$AU(){return this._$AM._$AU}_$AT(C,H,V){this._$Ct=C,this._$AM=H,this._$Ci=V}_$AS(C,H){return this.update(C,H)}update(C,H){return this.render(...H)}};var{I:k5}=s2,U2=M=>M;var G2=M=>M.strings===void 0,Q2=()=>document.createComment(""),E=(M,C,H)=>{let V=M._$AA.parentNode,L=C===void 0?M._$AB:C._$AA;if(H===void 0){let e=V.insertBefore(Q2(),L),r=V.insertBefore(Q2(),L);H=new k5(e,r,M,M.options)}else{let e=H._$AB.nextSibling,r=H._$AM,i=r!==M;if(i){let t;H._$AQ?.(M),H._$AM=M,H._$AP!==void 0&&(t=M._$AU)!==r._$AU&&H._$AP(t)}if(e!==L||i){let t=H._$AA;for(;t!==e;){let A=U2(t).nextSibling;U2(V).insertBefore(t,L),t=A}}}return H},g=(M,C,H=M)=>(M._$AI(C,H),M),y5={},K2=(M,C=y5)=>M._$AH=C,j2=M=>M._$AH,s1=M=>{M._$AR(),M._$AA.remove()};var q=(M,C)=>{let H=M._$AN;if(H===void 0)return!1;for(let V of H)V._$AO?.(C,!1),q(V,C);return!0},Z1=M=>{let C,H;do{if((C=M._$AM)===void 0)break;H=C._$AN,H.delete(M),M=C}while(H?.size===0)},q2=M=>{for(let C;C=M._$AM;M=C){let H=C._$AN;if(H===void 0)C._$AN=H=new Set;else if(H.has(M))break;H.add(M),P5(C)}};function b5(M){this._$AN!==void 0?(Z1(this),this._$AM=M,q2(this)):this._$AM=M}function w5(M,C=!1,H=0){let V=this._$AH,L=this._$AN;if(L!==void 0&&L.size!==0)if(C)if(Array.isArray(V))for(let e=H;e<V.length;e++)q(V[e],!1),Z1(V[e]);else V!=null&&(q(V,!1),Z1(V));else q(this,M)}var P5=M=>{M.type==F.CHILD&&(M._$AP??=w5,M._$AQ??=b5)},u1=class extends R{constructor(){super(...arguments),this._$AN=void 0}_$AT(C,H,V){super._$AT(C,H,V),q2(this),this.isConnected=C._$AU}_$AO(C,H=!0){C!==this.isConnected&&(this.isConnected=C,C?this.reconnected?.():this.disconnected?.()),H&&(q(this,C),Z1(this))}setValue(C){if(G2(this._$Ct))this._$Ct._$AI(C,this);else{let H=[...this._$Ct._$AH];H[this._$Ci]=C,this._$Ct._$AI(H,this,0)}}disconnected(){}reconnected(){}};var X2=(M,C,H)=>{let V=new Map;for(let L=C;L<=H;L++)V.set(M[L],L);return V},Y2=j(class extends R{constructor(M){if(super(M),M.type!==F.CHILD)throw Error("repeat() can only be used in text expressions")}dt(M,C,H){let V;H===void 0?H=C:C!==void 0&&(V=C);let L=[],e=[],r=0;for(let i of M)L[r]=V?V(i,r):r,e[r]=H(i,r),r++;return{values:e,keys:L}}render(M,C,H){return this.dt(M,C,H).values}update(M,[C,H,V]){let L=j2(M),{values:e,keys:r}=this.dt(C,H,V);if(!Array.isArray(L))return this.ut=r,e;let i=this.ut??=[],t=[],A,p,d=0,l=L.length-1,n=0,s=e.length-1;for(;d<=l&&n<=s;)if(L[d]===null)d++;else if(L[l]===null)l--;else if(i[d]===r[n])t[n]=g(L[d],e[n]),d++,n++;else if(i[l]===r[s])t[s]=g(L[l],e[s]),l--,s--;else if(i[d]===r[s])t[s]=g(L[d],e[s]),E(M,t[s+1],L[d]),d++,s--;else if(i[l]===r[n])t[n]=g(L[l],e[n]),E(M,L[d],L[l]),l--,n++;else if(A===void 0&&(A=X2(r,n,s),p=X2(i,d,l)),A.has(i[d]))if(A.has(i[l])){let u=p.get(r[n]),$=u!==void 0?L[u]:null;if($===null){let h=E(M,L[d]);g(h,e[n]),t[n]=h}else t[n]=g($,e[n]),E(M,L[d],$),L[u]=null;n++}else s1(L[l]),l--;else s1(L[d]),d++;for(;n<=s;){let u=E(M,t[s+1]);g(u,e[n]),t[n++]=u}for(;d<=l;){let u=L[d++];u!==null&&s1(u)}return this.ut=r,K2(M,t),S}});var X=class M extends Event{constructor(C){super(M.eventName,{bubbles:!1}),this.first=C.first,this.last=C.last}};X.eventName="rangeChanged";var Y=class M extends Event{constructor(C){super(M.eventName,{bubbles:!1}),this.first=C.first,this.last=C.last}};Y.eventName="visibilityChanged";var J=class M extends Event{constructor(){super(M.eventName,{bubbles:!1})}};J.eventName="unpinned";var G1=class{constructor(C){this._element=null;let H=C??window;this._node=H,C&&(this._element=C)}get element(){return this._element||document.scrollingElement||document.documentElement}get scrollTop(){return this.element.scrollTop||window.scrollY}get scrollLeft(){return this.element.scrollLeft||window.scrollX}get scrollHeight(){return this.element.scrollHeight}get scrollWidth(){return this.element.scrollWidth}get viewportHeight(){return this._element?this._element.getBoundingClientRect().height:window.innerHeight}get viewportWidth(){return this._element?this._element.getBoundingClientRect().width:window.innerWidth}get maxScrollTop(){return this.scrollHeight-this.viewportHeight}get maxScrollLeft(){return this.scrollWidth-this.viewportWidth}},c1=class extends G1{constructor(C,H){super(H),this._clients=new Set,this._retarget=null,this._end=null,this.__destination=null,this.correctingScrollError=!1,this._checkForArrival=this._checkForArrival.bind(this),this._updateManagedScrollTo=this._updateManagedScrollTo.bind(this),this.scrollTo=this.scrollTo.bind(this),this.scrollBy=this.scrollBy.bind(this);let V=this._node;this._originalScrollTo=V.scrollTo,this._originalScrollBy=V.scrollBy,this._originalScroll=V.scroll,this._attach(C)}get _destination(){return this.__destination}get scrolling(){return this._destination!==null}scrollTo(C,H){let V=typeof C=="number"&&typeof H=="number"?{left:C,top:H}:C;this._scrollTo(V)}scrollBy(C,H){let V=typeof C=="number"&&typeof H=="number"?{left:C,top:H}:C;V.top!==void 0&&(V.top+=this.scrollTop),V.left!==void 0&&(V.left+=this.scrollLeft),this._scrollTo(V)}_nativeScrollTo(C){this._originalScrollTo.bind(this._element||window)(C)}_scrollTo(C,H=null,V=null){this._end!==null&&this._end(),C.behavior==="smooth"?(this._setDestination(C),this._retarget=H,this._end=V):this._resetScrollState(),this._nativeScrollTo(C)}_setDestination(C){let{top:H,left:V}=C;return H=H===void 0?void 0:Math.max(0,Math.min(H,this.maxScrollTop)),V=V===void 0?void 0:Math.max(0,Math.min(V,this.maxScrollLeft)),this._destination!==null&&V===this._destination.left&&H===this._destination.top?!1:(this.__destination={top:H,left:V,behavior:"smooth"},!0)}_resetScrollState(){this.__destination=null,this._retarget=null,this._end=null}_updateManagedScrollTo(C){this._destination&&this._setDestination(C)&&this._nativeScrollTo(this._destination)}managedScrollTo(C,H,V){return this._scrollTo(C,H,V),this._updateManagedScrollTo}correctScrollError(C){this.correctingScrollError=!0,requestAnimationFrame(()=>requestAnimationFrame(()=>this.correctingScrollError=!1)),this._nativeScrollTo(C),this._retarget&&this._setDestination(this._retarget()),this._destination&&this._nativeScrollTo(this._destination)}_checkForArrival(){if(this._destination!==null){let{scrollTop:C,scrollLeft:H}=this,{top:V,left:L}=this._destination;V=Math.min(V||0,this.maxScrollTop),L=Math.min(L||0,this.maxScrollLeft);let e=Math.abs(V-C),r=Math.abs(L-H);e<1&&r<1&&(this._end&&this._end(),this._resetScrollState())}}detach(C){return this._clients.delete(C),this._clients.size===0&&(this._node.scrollTo=this._originalScrollTo,this._node.scrollBy=this._originalScrollBy,this._node.scroll=this._originalScroll,this._node.removeEventListener("scroll",this._checkForArrival)),null}_attach(C){this._clients.add(C),this._clients.size===1&&(this._node.scrollTo=this.scrollTo,this._node.scrollBy=this.scrollBy,this._node.scroll=this.scrollTo,this._node.addEventListener("scroll",this._checkForArrival))}};var M5=typeof window<"u"?window.ResizeObserver:void 0;var t5=Symbol("virtualizerRef"),f1="virtualizer-sizer",e5,g1=class{constructor(C){if(this._benchmarkStart=null,this._layout=null,this._clippingAncestors=[],this._scrollSize=null,this._scrollError=null,this._childrenPos=null,this._childMeasurements=null,this._toBeMeasured=new Map,this._rangeChanged=!0,this._itemsChanged=!0,this._visibilityChanged=!0,this._scrollerController=null,this._isScroller=!1,this._sizer=null,this._hostElementRO=null,this._childrenRO=null,this._mutationObserver=null,this._scrollEventListeners=[],this._scrollEventListenerOptions={passive:!0},this._loadListener=this._childLoaded.bind(this),this._scrollIntoViewTarget=null,this._updateScrollIntoViewCoordinates=null,this._items=[],this._first=-1,this._last=-1,this._firstVisible=-1,this._lastVisible=-1,this._scheduled=new WeakSet,this._measureCallback=null,this._measureChildOverride=null,this._layoutCompletePromise=null,this._layoutCompleteResolver=null,this._layoutCompleteRejecter=null,this._pendingLayoutComplete=null,this._layoutInitialized=null,this._connected=!1,!C)throw new Error("Virtualizer constructor requires a configuration object");if(C.hostElement)this._init(C);else throw new Error('Virtualizer configuration requires the "hostElement" property')}set items(C){Array.isArray(C)&&C!==this._items&&(this._itemsChanged=!0,this._items=C,this._schedule(this._updateLayout))}_init(C){this._isScroller=!!C.scroller,this._initHostElement(C);let H=C.layout||{};this._layoutInitialized=this._initLayout(H)}_initObservers(){this._mutationObserver=new MutationObserver(this._finishDOMUpdate.bind(this)),this._hostElementRO=new M5(()=>this._hostElementSizeChanged()),this._childrenRO=new M5(this._childrenSizeChanged.bind(this))}_initHostElement(C){let H=this._hostElement=C.hostElement;this._applyVirtualizerStyles(),H[t5]=this}connected(){this._initObservers();let C=this._isScroller;this._clippingAncestors=$5(this._hostElement,C),this._scrollerController=new c1(this,this._clippingAncestors[0]),this._schedule(this._updateLayout),this._observeAndListen(),this._connected=!0}_observeAndListen(){this._mutationObserver.observe(this._hostElement,{childList:!0}),this._hostElementRO.observe(this._hostElement),this._scrollEventListeners.push(window),window.addEventListener("scroll",this,this._scrollEventListenerOptions),this._clippingAncestors.forEach(C=>{C.addEventListener("scroll",this,this._scrollEventListenerOptions),this._scrollEventListeners.push(C),this._hostElementRO.observe(C)}),this._hostElementRO.observe(this._scrollerController.element),this._children.forEach(C=>this._childrenRO.observe(C)),this._scrollEventListeners.forEach(C=>C.addEventListener("scroll",this,this._scrollEventListenerOptions))}disconnected(){this._scrollEventListeners.forEach(C=>C.removeEventListener("scroll",this,this._scrollEventListenerOptions)),this._scrollEventListeners=[],this._clippingAncestors=[],this._scrollerController?.detach(this),this._scrollerController=null,this._mutationObserver?.disconnect(),this._mutationObserver=null,this._hostElementRO?.disconnect(),this._hostElementRO=null,this._childrenRO?.disconnect(),this._childrenRO=null,this._rejectLayoutCompletePromise("disconnected"),this._connected=!1}_applyVirtualizerStyles(){let H=this._hostElement.style;H.display=H.display||"block",H.position=H.position||"relative",H.contain=H.contain||"size layout",this._isScroller&&(H.overflow=H.overflow||"auto",H.minHeight=H.minHeight||"150px")}_getSizer(){let C=this._hostElement;if(!this._sizer){let H=C.querySelector(`[${f1}]`);H||(H=document.createElement("div"),H.setAttribute(f1,""),C.appendChild(H)),Object.assign(H.style,{position:"absolute",margin:"-2px 0 0 0",padding:0,visibility:"hidden",fontSize:"2px"}),H.textContent="&nbsp;",H.setAttribute(f1,""),this._sizer=H}return this._sizer}async updateLayoutConfig(C){await this._layoutInitialized;let H=C.type||e5;if(typeof H=="function"&&this._layout instanceof H){let V={...C};return delete V.type,this._layout.config=V,!0}return!1}async _initLayout(C){let H,V;if(typeof C.type=="function"){V=C.type;let L={...C};delete L.type,H=L}else H=C;V===void 0&&(e5=V=(await Promise.resolve().then(()=>(L5(),V5))).FlowLayout),this._layout=new V(L=>this._handleLayoutMessage(L),H),this._layout.measureChildren&&typeof this._layout.updateItemSizes=="function"&&(typeof this._layout.measureChildren=="function"&&(this._measureChildOverride=this._layout.measureChildren),this._measureCallback=this._layout.updateItemSizes.bind(this._layout)),this._layout.listenForChildLoadEvents&&this._hostElement.addEventListener("load",this._loadListener,!0),this._schedule(this._updateLayout)}startBenchmarking(){this._benchmarkStart===null&&(this._benchmarkStart=window.performance.now())}stopBenchmarking(){if(this._benchmarkStart!==null){let C=window.performance.now(),H=C-this._benchmarkStart,L=performance.getEntriesByName("uv-virtualizing","measure").filter(e=>e.startTime>=this._benchmarkStart&&e.startTime<C).reduce((e,r)=>e+r.duration,0);return this._benchmarkStart=null,{timeElapsed:H,virtualizationTime:L}}return null}_measureChildren(){let C={},H=this._children,V=this._measureChildOverride||this._measureChild;for(let L=0;L<H.length;L++){let e=H[L],r=this._first+L;(this._itemsChanged||this._toBeMeasured.has(e))&&(C[r]=V.call(this,e,this._items[r]))}this._childMeasurements=C,this._schedule(this._updateLayout),this._toBeMeasured.clear()}_measureChild(C){let{width:H,height:V}=C.getBoundingClientRect();return Object.assign({width:H,height:V},E5(C))}async _schedule(C){this._scheduled.has(C)||(this._scheduled.add(C),await Promise.resolve(),this._scheduled.delete(C),C.call(this))}async _updateDOM(C){this._scrollSize=C.scrollSize,this._adjustRange(C.range),this._childrenPos=C.childPositions,this._scrollError=C.scrollError||null;let{_rangeChanged:H,_itemsChanged:V}=this;this._visibilityChanged&&(this._notifyVisibility(),this._visibilityChanged=!1),(H||V)&&(this._notifyRange(),this._rangeChanged=!1),this._finishDOMUpdate()}_finishDOMUpdate(){this._connected&&(this._children.forEach(C=>this._childrenRO.observe(C)),this._checkScrollIntoViewTarget(this._childrenPos),this._positionChildren(this._childrenPos),this._sizeHostElement(this._scrollSize),this._correctScrollError(),this._benchmarkStart&&"mark"in window.performance&&window.performance.mark("uv-end"))}_updateLayout(){this._layout&&this._connected&&(this._layout.items=this._items,this._updateView(),this._childMeasurements!==null&&(this._measureCallback&&this._measureCallback(this._childMeasurements),this._childMeasurements=null),this._layout.reflowIfNeeded(),this._benchmarkStart&&"mark"in window.performance&&window.performance.mark("uv-end"))}_handleScrollEvent(){if(this._benchmarkStart&&"mark"in window.performance){try{window.performance.measure("uv-virtualizing","uv-start","uv-end")}catch(C){console.warn("Error measuring performance data: ",C)}window.performance.mark("uv-start")}this._scrollerController.correctingScrollError===!1&&this._layout?.unpin(),this._schedule(this._updateLayout)}handleEvent(C){C.type==="scroll"?(C.currentTarget===window||this._clippingAncestors.includes(C.currentTarget))&&this._handleScrollEvent():console.warn("event not handled",C)}_handleLayoutMessage(C){C.type==="stateChanged"?this._updateDOM(C):C.type==="visibilityChanged"?(this._firstVisible=C.firstVisible,this._lastVisible=C.lastVisible,this._notifyVisibility()):C.type==="unpinned"&&this._hostElement.dispatchEvent(new J)}get _children(){let C=[],H=this._hostElement.firstElementChild;for(;H;)H.hasAttribute(f1)||C.push(H),H=H.nextElementSibling;return C}_updateView(){let C=this._hostElement,H=this._scrollerController?.element,V=this._layout;if(C&&H&&V){let L,e,r,i,t=C.getBoundingClientRect();L=0,e=0,r=window.innerHeight,i=window.innerWidth;let A=this._clippingAncestors.map(h=>h.getBoundingClientRect());A.unshift(t);for(let h of A)L=Math.max(L,h.top),e=Math.max(e,h.left),r=Math.min(r,h.bottom),i=Math.min(i,h.right);let p=H.getBoundingClientRect(),d={left:t.left-p.left,top:t.top-p.top},l={width:H.scrollWidth,height:H.scrollHeight},n=L-t.top+C.scrollTop,s=e-t.left+C.scrollLeft,u=Math.max(0,r-L),$=Math.max(0,i-e);V.viewportSize={width:$,height:u},V.viewportScroll={top:n,left:s},V.totalScrollSize=l,V.offsetWithinScroller=d}}_sizeHostElement(C){let V=C&&C.width!==null?Math.min(82e5,C.width):0,L=C&&C.height!==null?Math.min(82e5,C.height):0;if(this._isScroller)this._getSizer().style.transform=`translate(${V}px, ${L}px)`;else{let e=this._hostElement.style;e.minWidth=V?`${V}px`:"100%",e.minHeight=L?`${L}px`:"100%"}}_positionChildren(C){C&&C.forEach(({top:H,left:V,width:L,height:e,xOffset:r,yOffset:i},t)=>{let A=this._children[t-this._first];A&&(A.style.position="absolute",A.style.boxSizing="border-box",A.style.transform=`translate(${V}px, ${H}px)`,L!==void 0&&(A.style.width=L+"px"),e!==void 0&&(A.style.height=e+"px"),A.style.left=r===void 0?null:r+"px",A.style.top=i===void 0?null:i+"px")})}async _adjustRange(C){let{_first:H,_last:V,_firstVisible:L,_lastVisible:e}=this;this._first=C.first,this._last=C.last,this._firstVisible=C.firstVisible,this._lastVisible=C.lastVisible,this._rangeChanged=this._rangeChanged||this._first!==H||this._last!==V,this._visibilityChanged=this._visibilityChanged||this._firstVisible!==L||this._lastVisible!==e}_correctScrollError(){if(this._scrollError){let{scrollTop:C,scrollLeft:H}=this._scrollerController,{top:V,left:L}=this._scrollError;this._scrollError=null,this._scrollerController.correctScrollError({top:C-V,left:H-L})}}element(C){return C===1/0&&(C=this._items.length-1),this._items?.[C]===void 0?void 0:{scrollIntoView:(H={})=>this._scrollElementIntoView({...H,index:C})}}_scrollElementIntoView(C){if(C.index>=this._first&&C.index<=this._last)this._children[C.index-this._first].scrollIntoView(C);else if(C.index=Math.min(C.index,this._items.length-1),C.behavior==="smooth"){let H=this._layout.getScrollIntoViewCoordinates(C),{behavior:V}=C;this._updateScrollIntoViewCoordinates=this._scrollerController.managedScrollTo(Object.assign(H,{behavior:V}),()=>this._layout.getScrollIntoViewCoordinates(C),()=>this._scrollIntoViewTarget=null),this._scrollIntoViewTarget=C}else this._layout.pin=C}_checkScrollIntoViewTarget(C){let{index:H}=this._scrollIntoViewTarget||{};H&&C?.has(H)&&this._updateScrollIntoViewCoordinates(this._layout.getScrollIntoViewCoordinates(this._scrollIntoViewTarget))}_notifyRange(){this._hostElement.dispatchEvent(new X({first:this._first,last:this._last}))}_notifyVisibility(){this._hostElement.dispatchEvent(new Y({first:this._firstVisible,last:this._lastVisible}))}get layoutComplete(){return this._layoutCompletePromise||(this._layoutCompletePromise=new Promise((C,H)=>{this._layoutCompleteResolver=C,this._layoutCompleteRejecter=H})),this._layoutCompletePromise}_rejectLayoutCompletePromise(C){this._layoutCompleteRejecter!==null&&this._layoutCompleteRejecter(C),this._resetLayoutCompleteState()}_scheduleLayoutComplete(){this._layoutCompletePromise&&this._pendingLayoutComplete===null&&(this._pendingLayoutComplete=requestAnimationFrame(()=>requestAnimationFrame(()=>this._resolveLayoutCompletePromise())))}_resolveLayoutCompletePromise(){this._layoutCompleteResolver!==null&&this._layoutCompleteResolver(),this._resetLayoutCompleteState()}_resetLayoutCompleteState(){this._layoutCompletePromise=null,this._layoutCompleteResolver=null,this._layoutCompleteRejecter=null,this._pendingLayoutComplete=null}_hostElementSizeChanged(){this._schedule(this._updateLayout)}_childLoaded(){}_childrenSizeChanged(C){if(this._layout?.measureChildren){for(let H of C)this._toBeMeasured.set(H.target,H.contentRect);this._measureChildren()}this._scheduleLayoutComplete(),this._itemsChanged=!1,this._rangeChanged=!1}};function E5(M){let C=window.getComputedStyle(M);return{marginTop:O1(C.marginTop),marginRight:O1(C.marginRight),marginBottom:O1(C.marginBottom),marginLeft:O1(C.marginLeft)}}function O1(M){let C=M?parseFloat(M):NaN;return Number.isNaN(C)?0:C}function r5(M){if(M.assignedSlot!==null)return M.assignedSlot;if(M.parentElement!==null)return M.parentElement;let C=M.parentNode;return C&&C.nodeType===Node.DOCUMENT_FRAGMENT_NODE&&C.host||null}function D5(M,C=!1){let H=[],V=C?M:r5(M);for(;V!==null;)H.push(V),V=r5(V);return H}function $5(M,C=!1){let H=!1;return D5(M,C).filter(V=>{if(H)return!1;let L=getComputedStyle(V);return H=L.position==="fixed",L.overflow!=="visible"})}var z5=M=>M,I5=(M,C)=>o`${C}: ${JSON.stringify(M,null,2)}`,q1=class extends u1{constructor(C){if(super(C),this._virtualizer=null,this._first=0,this._last=-1,this._renderItem=(H,V)=>I5(H,V+this._first),this._keyFunction=(H,V)=>z5(H,V+this._first),this._items=[],C.type!==F.CHILD)throw new Error("The virtualize directive can only be used in child expressions")}render(C){C&&this._setFunctions(C);let H=[];if(this._first>=0&&this._last>=this._first)for(let V=this._first;V<=this._last;V++)H.push(this._items[V]);return Y2(H,this._keyFunction,this._renderItem)}update(C,[H]){this._setFunctions(H);let V=this._items!==H.items;return this._items=H.items||[],this._virtualizer?this._updateVirtualizerConfig(C,H):this._initialize(C,H),V?S:this.render()}async _updateVirtualizerConfig(C,H){if(!await this._virtualizer.updateLayoutConfig(H.layout||{})){let L=C.parentNode;this._makeVirtualizer(L,H)}this._virtualizer.items=this._items}_setFunctions(C){let{renderItem:H,keyFunction:V}=C;H&&(this._renderItem=(L,e)=>H(L,e+this._first)),V&&(this._keyFunction=(L,e)=>V(L,e+this._first))}_makeVirtualizer(C,H){this._virtualizer&&this._virtualizer.disconnected();let{layout:V,scroller:L,items:e}=H;this._virtualizer=new g1({hostElement:C,layout:V,scroller:L}),this._virtualizer.items=e,this._virtualizer.connected()}_initialize(C,H){let V=C.parentNode;V&&V.nodeType===1&&(V.addEventListener("rangeChanged",L=>{this._first=L.first,this._last=L.last,this.setValue(this.render())}),this._makeVirtualizer(V,H))}disconnected(){this._virtualizer?.disconnected()}reconnected(){this._virtualizer?.connected()}},i5=j(q1);async function _1(){if(customElements.get("ha-form"))return;let M=window.loadCardHelpers;M&&await M();for(let C of["hui-tile-card","hui-button-card","hui-entities-card"]){let H=customElements.get(C);if(H?.getConfigElement&&(await H.getConfigElement(),customElements.get("ha-form")))return}await customElements.whenDefined("ha-form")}var v="nfc_jukebox",N5=["selector","config_subentries","exceptions"];async function k1(M){let C=M.localize;for(let H of N5)C=await M.loadBackendTranslation(H,v);return C}function y1(M,C){return(H,V)=>M.localize(H,V)||C?.(H,V)||""}function m(M,C,H){return M(`component.${v}.selector.card.options.${C}`,H)}function x(M,C,H){return M(`component.${v}.${C}`,H)}async function H1(M,C){try{let H=await C.json();if(H.translation_key){let V=x(M,`exceptions.${H.translation_key}.message`,H.translation_placeholders);if(V)return V}return H.message??C.statusText}catch{return C.statusText}}var W5=[{name:"entry_id",selector:{config_entry:{integration:v}}},{name:"kids",selector:{boolean:{}}}],U5={entry_id:"reader",kids:"kids"},b1=class extends Z{setConfig(C){this._config=C}connectedCallback(){super.connectedCallback(),_1().then(async()=>{this.hass&&(this._loaded=await k1(this.hass))})}render(){if(!this.hass||!this._config||!this._loaded)return a;let C=y1(this.hass,this._loaded);return o`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${W5}
      .computeLabel=${H=>m(C,U5[H.name]??H.name)}
      .computeHelper=${H=>H.name==="kids"?m(C,"kids_help"):""}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(C){C.stopPropagation();let H={...C.detail.value};H.entry_id||delete H.entry_id,H.kids||delete H.kids,this._config=H,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:H},bubbles:!0,composed:!0}))}};b1.properties={hass:{attribute:!1},_config:{state:!0},_loaded:{state:!0}};customElements.define("nfc-jukebox-card-editor",b1);var o5="/api/nfc_jukebox/recordings",Q5=3e3,a5=()=>window.isSecureContext&&typeof MediaRecorder<"u"&&!!navigator.mediaDevices?.getUserMedia,V1=class extends Z{constructor(){super();this._chunks=[];this._stage="idle",this._percent=0,this._seconds=0}connectedCallback(){super.connectedCallback(),window.clearTimeout(this._away),this._away=void 0}disconnectedCallback(){super.disconnectedCallback(),this._recorder&&(this._away=window.setTimeout(()=>this._discard(),Q5))}render(){let H=this._stage!=="idle",V=!this.target?.name?.trim();return o`<div class="recorder">
      <div class="buttons">
        ${this._stage==="recording"?o`<ha-button class="stop" variant="danger" @click=${this._stop}>
              <ha-svg-icon slot="start" .path=${$2}></ha-svg-icon>
              ${m(this.localize,"stop_recording",{time:this._time()})}
            </ha-button>`:o`<ha-button
              class="record"
              appearance="plain"
              .disabled=${H||V||!a5()}
              @click=${this._record}
            >
              <ha-svg-icon slot="start" .path=${k2}></ha-svg-icon>
              ${m(this.localize,"record")}
            </ha-button>`}
        <ha-button class="upload" appearance="plain" .disabled=${H||V} @click=${this._pick}>
          <ha-svg-icon slot="start" .path=${x1}></ha-svg-icon>
          ${m(this.localize,"upload")}
        </ha-button>
        <input type="file" accept="audio/*" multiple hidden @change=${this._picked} />
      </div>
      ${V&&!H?o`<div class="secondary">${m(this.localize,"recording_name_first")}</div>`:a}
      ${a5()?a:o`<ha-alert class="insecure" alert-type="info">${m(this.localize,"recording_insecure")}</ha-alert>`}
      ${this._renderProgress()}
      ${this._error?o`<ha-alert alert-type="error"
            >${this._error}
            ${this._taken?o`<ha-button slot="action" size="s" @click=${this._replace}
                  >${m(this.localize,"replace_recording")}</ha-button
                >`:a}
          </ha-alert>`:a}
    </div>`}_renderProgress(){return this._stage==="uploading"?o`<div class="progress">
        <progress max="100" .value=${this._percent}></progress>
        <span>${m(this.localize,"uploading",{percent:this._percent})}</span>
      </div>`:this._stage==="preparing"?o`<div class="progress">
        <progress></progress>
        <span>${m(this.localize,"preparing")}</span>
      </div>`:a}_time(){return`${Math.floor(this._seconds/60)}:${String(this._seconds%60).padStart(2,"0")}`}async _record(){this._error=void 0;let H;try{H=await navigator.mediaDevices.getUserMedia({audio:!0})}catch{this._error=m(this.localize,"microphone_denied");return}this._chunks=[];let V=new MediaRecorder(H);V.addEventListener("dataavailable",L=>{L.data.size&&this._chunks.push(L.data)}),V.addEventListener("stop",()=>{if(H.getTracks().forEach(i=>i.stop()),this._recorder!==V)return;this._recorder=void 0;let L=V.mimeType||"audio/webm",e=L.includes("ogg")?"ogg":L.includes("mp4")?"m4a":"webm",r=new File(this._chunks,`${this.target.name}.${e}`,{type:L});this._upload([r])}),this._recorder=V,this._seconds=0,this._timer=window.setInterval(()=>this._seconds+=1,1e3),V.start(1e3),this._stage="recording"}_stop(){window.clearInterval(this._timer),this._recorder?.stop()}_discard(){let H=this._recorder;window.clearInterval(this._timer),this._away=void 0,this._recorder=void 0,this._chunks=[],this._stage="idle",H&&H.state!=="inactive"&&H.stop()}_pick(){this.renderRoot.querySelector("input[type=file]")?.click()}_picked(H){let V=H.target,L=Array.from(V.files??[]);V.value="",L.length&&this._upload(L)}_replace(){let H=this._taken;H&&this._upload(H,!0)}async _upload(H,V=!1){this._error=void 0,this._taken=void 0,this._stage="uploading",this._percent=0;let L=new FormData;L.append("name",this.target.name.trim()),this.target.uid&&this.target.entryId&&(L.append("uid",this.target.uid),L.append("entry_id",this.target.entryId),this.target.speaker&&L.append("speaker",this.target.speaker)),V&&L.append("replace","1");for(let e of H)L.append("file",e,e.name);try{let e=await this._send(L);this.dispatchEvent(new CustomEvent("recording-made",{detail:e}))}catch(e){this._error=this._message(e),e?.translation_key==="recording_name_taken"&&(this._taken=H)}finally{this._stage="idle"}}async _send(H){let V=this.hass.auth;V?.expired&&await V.refreshAccessToken();let L=this.hass.hassUrl?this.hass.hassUrl(o5):o5;return new Promise((e,r)=>{let i=new XMLHttpRequest;i.open("POST",L),V&&i.setRequestHeader("Authorization",`Bearer ${V.data.access_token}`),i.responseType="json",i.upload.addEventListener("progress",t=>{t.lengthComputable&&(this._percent=Math.round(t.loaded/t.total*100))}),i.upload.addEventListener("load",()=>this._stage="preparing"),i.addEventListener("load",()=>{let t=i.response;i.status===200?e(t):r(t??{message:String(i.status)})}),i.addEventListener("error",()=>r({translation_key:"recording_upload_broken"})),i.send(H)})}_message(H){let V=H?.translation_key;return(V?x(this.localize,`exceptions.${V}.message`,H.translation_placeholders):"")||H?.message||String(H)}};V1.properties={hass:{attribute:!1},localize:{attribute:!1},target:{attribute:!1},_stage:{state:!0},_percent:{state:!0},_seconds:{state:!0},_error:{state:!0},_taken:{state:!0}},V1.styles=c`
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
  `;customElements.define("nfc-jukebox-recorder",V1);var X1="playback",D="reader",A5=2,d5=3,p5=5,Y1="media",n5={podcast:"feed",radio:"stream"},G5=M=>[{name:"uid",required:!0,selector:{text:{}}},{name:"name",required:!0,selector:{text:{}}},{name:Y1,selector:{media:{}}},{name:"feed",selector:{text:{type:"url"}}},{name:"stream",selector:{text:{type:"url"}}},{name:"play_on",required:!0,selector:{select:{options:M,mode:"dropdown"}}},{name:X1,type:"expandable",flatten:!1,schema:[{name:"order",selector:{select:{options:["in_order","shuffle","day_of_month","daily"],translation_key:"order",mode:"dropdown"}}},{name:"month",selector:{number:{min:1,max:12,step:1,mode:"box"}}},{name:"outside_track",selector:{number:{min:1,max:9999,step:1,mode:"box"}}},{name:"repeat",selector:{select:{options:["off","one","all"],translation_key:"repeat",mode:"dropdown"}}},{name:"volume",selector:{number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}}},{name:"on_remove",selector:{select:{options:["inherit","pause","stop","nothing"],translation_key:"tag_on_remove",mode:"dropdown"}}},{name:"mode",selector:{select:{options:["music","audiobook","start_over"],translation_key:"mode",mode:"dropdown"}}},{name:"bedtime",selector:{boolean:{}}},{name:"episodes",selector:{select:{options:["newest","next","first"],translation_key:"episodes",mode:"dropdown"}}},{name:"keep_episodes",selector:{number:{min:1,max:50,step:1,mode:"box"}}},{name:"keep_mb",selector:{number:{min:10,max:2e4,step:10,mode:"box"}}}]}],J1={order:"in_order",repeat:"off",on_remove:"inherit",mode:"music",bedtime:!1,episodes:"newest"},P="config_subentries.tag.step.user",K5="media-source://media_source",j5=M=>M.can_play&&!M.can_expand,q5=M=>{let C=Math.round(M);return`${Math.floor(C/60)}:${String(C%60).padStart(2,"0")}`},L1=class extends Z{constructor(){super();this._recordingMade=H=>{let V=H.detail,L=this._data??this.initial;this._recorded=V,this._data={...L,media:{entity_id:L.media?.entity_id??"",media_content_id:V.media_content_id,media_content_type:V.media_content_type,metadata:{title:V.name,media_class:"music"}}},this.dispatchEvent(new CustomEvent("chip-recorded",{detail:V}))};this._openFolders=async()=>{this._folders=[],await this._openFolder(void 0,"")};this._label=H=>H.name===X1?x(this.localize,`${P}.sections.playback.name`):H.name===Y1?"":x(this.localize,`${P}.data.${H.name}`)||x(this.localize,`${P}.sections.playback.data.${H.name}`);this._helper=H=>H.name===X1?"":H.name==="play_on"?m(this.localize,"play_on_help"):x(this.localize,`${P}.data_description.${H.name}`)||x(this.localize,`${P}.sections.playback.data_description.${H.name}`);this._ready=!1}connectedCallback(){super.connectedCallback(),_1().then(()=>{this._ready=!0})}render(){if(!this._ready)return a;let H=this._data??this.initial,V=this.errors?.base,L=G5(this._speakers());return o`<div class="form">
      <div class="form-title">
        ${x(this.localize,`config_subentries.tag.step.${this.isNew?"user":"reconfigure"}.title`)}
      </div>
      ${V?o`<ha-alert alert-type="error">${this._error(V)}</ha-alert>`:a}
      ${this.failure?o`<ha-alert alert-type="error">${this.failure}</ha-alert>`:a}
      ${this._form(H,L.slice(0,A5))}
      <div class="section-title">${this._musicLabel()}</div>
      ${this._form(H,L.slice(A5,d5))}
      ${this._folders?this._renderFolders(this._folders):this._renderFolderButton()}
      ${this._renderRecorder(H)}
      ${this._form(H,L.slice(d5,p5))}
      ${this._form(H,L.slice(p5))}
      <div class="buttons">
        <ha-button appearance="plain" @click=${this._cancel}>${m(this.localize,"cancel")}</ha-button>
        <ha-button
          .disabled=${!H.uid||!H.name||!(H.media?.media_content_id||H.feed||H.stream)}
          @click=${this._submit}
          >${m(this.localize,"save")}</ha-button
        >
      </div>
    </div>`}_speakers(){let H=Object.values(this.hass.states).filter(V=>V?.entity_id.startsWith("media_player.")).map(V=>({value:V.entity_id,label:V.attributes.friendly_name??V.entity_id})).sort((V,L)=>V.label.localeCompare(L.label));return[{value:D,label:m(this.localize,"this_readers_speaker")},...H]}_form(H,V){return o`<ha-form
      .hass=${this.hass}
      .data=${H}
      .schema=${V}
      .error=${this.errors}
      .computeLabel=${this._label}
      .computeHelper=${this._helper}
      .computeError=${L=>this._error(L)}
      .localizeValue=${L=>x(this.localize,`selector.${L}`)}
      @value-changed=${L=>{this._data={...this._data??this.initial,...L.detail.value}}}
    ></ha-form>`}_renderFolderButton(){return o`<div class="folder-row">
      <ha-button appearance="plain" size="s" @click=${this._openFolders}>
        <ha-svg-icon slot="start" .path=${f2}></ha-svg-icon>
        ${x(this.localize,`${P}.data.pick_folder`)}
      </ha-button>
    </div>`}_renderRecorder(H){let V=H.play_on&&H.play_on!==D?H.play_on:H.media?.entity_id;return o`<div class="section-title">${m(this.localize,"recording_title")}</div>
      ${this._recorded?o`<ha-alert class="recorded" alert-type="success"
            >${m(this.localize,"recording_made",{name:this._recorded.name,duration:q5(this._recorded.duration)})}</ha-alert
          >`:a}
      <nfc-jukebox-recorder
        .hass=${this.hass}
        .localize=${this.localize}
        .target=${{name:H.name,uid:H.uid,entryId:this.entryId,speaker:V}}
        @recording-made=${this._recordingMade}
      ></nfc-jukebox-recorder>`}_renderFolders(H){let V=H[H.length-1],L=V?.item.children??[],e=L.filter(t=>t.can_expand),r=L.filter(j5).length,i=H.length>1;return o`<div class="folders" role="group" aria-label=${this._pickFolderLabel()}>
      <div class="folders-head">
        ${H.length>1?o`<ha-icon-button
              .path=${u2}
              .label=${m(this.localize,"back")}
              @click=${()=>this._folders=H.slice(0,-1)}
            ></ha-icon-button>`:a}
        <div class="folders-title">
          <div>${i&&V?V.path:this._pickFolderLabel()}</div>
          ${i?o`<div class="secondary">${m(this.localize,"folder_tracks",{count:r})}</div>`:a}
        </div>
      </div>
      ${this._folderError?o`<ha-alert alert-type="error">${this._folderError}</ha-alert>`:a}
      ${V&&!i&&e.length===0?o`<div class="secondary empty">${this._error("no_folders")}</div>`:a}
      <div class="folder-list">
        ${e.map(t=>o`<button
            class="folder"
            type="button"
            @click=${()=>{this._openFolder(t,V?.path??"")}}
          >
            <ha-svg-icon .path=${O2}></ha-svg-icon>
            <span>${t.title}</span>
            <ha-svg-icon class="chevron" .path=${c2}></ha-svg-icon>
          </button>`)}
      </div>
      <div class="buttons">
        <ha-button appearance="plain" @click=${()=>this._folders=void 0}
          >${m(this.localize,"cancel")}</ha-button
        >
        <ha-button .disabled=${!i||r===0} @click=${()=>this._useFolder(V)}
          >${m(this.localize,"use_folder")}</ha-button
        >
      </div>
    </div>`}_pickFolderLabel(){return x(this.localize,"config_subentries.tag.step.folder.title")}async _openFolder(H,V){this._folderError=void 0;try{let L=await this.hass.callWS({type:"media_source/browse_media",media_content_id:H?.media_content_id??K5}),e=this._folders??[],r=H?V?`${V} / ${L.title}`:L.title:"";this._folders=[...e,{item:L,path:r}]}catch(L){this._folderError=L.message??String(L)}}_useFolder(H){if(!H)return;let V=this._data??this.initial;this._data={...V,media:{entity_id:V.media?.entity_id??"",media_content_id:H.item.media_content_id,media_content_type:H.item.media_content_type||"directory",metadata:{title:H.path,media_class:"directory"}}},this._folders=void 0}_musicLabel(){return x(this.localize,`${P}.data.${Y1}`)}_error(H){return x(this.localize,`config_subentries.tag.error.${H}`,this.placeholders)||H}_cancel(){this.dispatchEvent(new CustomEvent("chip-cancel"))}_submit(){let H=this._data??this.initial;this.errors=void 0,this.failure=void 0;let V={uid:H.uid,name:H.name,playback:H.playback??{}};H.media&&(V.media=H.media),H.feed&&(V.feed=H.feed),H.stream&&(V.stream=H.stream),H.play_on&&H.play_on!==D&&(V.play_on=H.play_on),this.dispatchEvent(new CustomEvent("chip-save",{detail:V}))}};L1.properties={hass:{attribute:!1},localize:{attribute:!1},initial:{attribute:!1},isNew:{attribute:!1},errors:{attribute:!1},placeholders:{attribute:!1},failure:{attribute:!1},entryId:{attribute:!1},_data:{state:!0},_recorded:{state:!0},_ready:{state:!0},_folders:{state:!0},_folderError:{state:!0}},L1.styles=c`
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
  `;customElements.define("nfc-jukebox-chip-form",L1);var X5={off:G,quiet_hours:K,limit:T},M1=class extends Z{_t(C,H){return m(this.localize,C,H)}willUpdate(C){let H=C.get("hass"),V=this.reader?.speaker;H&&V&&H.states[V]?.state!==this.hass.states[V]?.state&&(this._refused=void 0,this._failure=void 0)}get _why(){let C=this.reader.rules;if(this.reader.chip?.blocked)return this.reader.chip.blocked;if(this._refused)return this._refused;if(C&&!C.jukebox_on)return"off";if(C&&C.minutes_left!==null&&C.minutes_left<=0)return"limit"}render(){if(!this.hass||!this.reader||!this.localize)return a;let C=this.reader.speaker?this.hass.states[this.reader.speaker]:void 0,H=C?.state==="playing",V=!!C&&["playing","paused","buffering"].includes(C.state),L=this.reader.chip?.kind==="music"?this.reader.chip.picture:void 0,e=V?C.attributes.entity_picture??L??void 0:void 0,r=V&&C.attributes.media_title||this._t("kids_put_chip"),i=this._why,t=V&&!!this.reader.rules;return o`<div class="kids">
      <div
        class="artwork ${e?"":"empty"}"
        role="img"
        aria-label=${r}
        style=${e?`background-image:url(${JSON.stringify(e)})`:""}
      >
        ${e?a:o`<ha-svg-icon .path=${b2}></ha-svg-icon>`}
      </div>
      <div class="side">
        <div class="title">${r}</div>
        ${i?o`<div class="why ${i}" role="status" data-refused=${this._refused??""}>
              <ha-svg-icon .path=${X5[i]}></ha-svg-icon>${this._t(`blocked_${i}`)}
            </div>`:a}
        ${this._failure?o`<div class="why failure" role="alert">${this._failure}</div>`:a}
        <div class="transport">
          ${this._button("previous",E2,this._t("kids_previous"),!t)}
          ${this._button("play_pause",H?l1:v1,this._t(H?"kids_pause":"kids_play"),!t,"main")}
          ${this._button("next",F2,this._t("kids_next"),!t)}
        </div>
        ${this._renderVolume(C?.attributes.volume_level,V)}
        ${this.reader.rules?.minutes_left!=null&&this.reader.rules.minutes_left>0?o`<div class="left">
              <ha-svg-icon .path=${T}></ha-svg-icon>${this._t("minutes_left",{minutes:this.reader.rules.minutes_left})}
            </div>`:a}
      </div>
    </div>`}_renderVolume(C,H){let[V,L]=this.reader.rules?.volume??[0,this.reader.max_volume],e=C===void 0?V:Math.round(C*100),r=L>V?Math.min(1,Math.max(0,(e-V)/(L-V))):1,i=!H||C===void 0;return o`<div class="volume">
      ${this._button("volume_down",N2,this._t("kids_quieter"),i||e<=V)}
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
      ${this._button("volume_up",W2,this._t("kids_louder"),i||e>=L)}
    </div>`}_button(C,H,V,L,e=""){return o`<button
      class="press ${e}"
      data-button=${C}
      aria-label=${V}
      title=${V}
      ?disabled=${L}
      @click=${()=>this._press(C)}
    >
      <ha-svg-icon .path=${H}></ha-svg-icon>
    </button>`}async _press(C){this._failure=void 0;try{await this.hass.callWS({type:`${v}/press`,entry_id:this.reader.entry_id,button:C}),this._refused=void 0}catch(H){let V=H,L=V.translation_key??"";if(L.startsWith("blocked_")){this._refused=L.slice(8);return}this._failure=L&&x(this.localize,`exceptions.${L}.message`)||(V.message??String(H))}}};M1.properties={hass:{attribute:!1},reader:{attribute:!1},localize:{attribute:!1},_refused:{state:!0},_failure:{state:!0}},M1.styles=c`
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
  `;customElements.define("nfc-jukebox-kids",M1);var Y5=`/api/${v}/chips/export`,J5=`/api/${v}/chips/import`,e1=class extends Z{_t(C,H){return m(this.localize,C,H)}render(){return o`<div class="buttons">
        <ha-button appearance="plain" size="s" @click=${this._backUp} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${h2}></ha-svg-icon>${this._t("backup")}
        </ha-button>
        <ha-button appearance="plain" size="s" @click=${this._pick} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${x1}></ha-svg-icon>${this._t("restore")}
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
      ${this._preview?this._renderPreview(this._preview):a}`}_renderPreview(C){let{summary:H}=C,V=H.new.length+H.changed.length;return o`<div class="preview" role="region" aria-label=${this._t("restore")}>
      <div class="preview-title">${this._t("restore_title",{file:C.file.name})}</div>
      ${this._list("new",H.new.map(L=>[L,""]))}
      ${this._list("changed",H.changed.map(L=>[L,this._t("restore_was",{name:L.was})]))}
      ${this._list("conflicts",H.conflicts.map(L=>[L,this._t(`conflict_${L.reason}`)]))}
      ${H.unchanged?o`<div class="secondary">${this._t("restore_unchanged",{count:H.unchanged})}</div>`:a}
      ${V?a:o`<div class="secondary">${this._t("restore_nothing")}</div>`}
      <div class="preview-actions">
        <ha-button appearance="plain" @click=${()=>this._preview=void 0}
          >${this._t("cancel")}</ha-button
        >
        ${V?o`<ha-button @click=${this._apply} ?disabled=${this._busy}
              >${this._t("restore_apply",{count:V})}</ha-button
            >`:a}
      </div>
    </div>`}_list(C,H){return H.length?o`<div class="group ${C}">
      <div class="group-title">${this._t(`restore_${C}`,{count:H.length})}</div>
      <ul>
        ${H.map(([V,L])=>o`<li data-chip-uid=${V.uid}>
              <span class="name">${V.name}</span> <span class="uid">${V.uid}</span>
              ${L?o`<span class="note">· ${L}</span>`:a}
            </li>`)}
      </ul>
    </div>`:a}async _backUp(){this._failure=void 0;let C=await this.hass.fetchWithAuth(Y5);if(!C.ok){this._failure=await this._errorOf(C);return}let H=C.headers.get("Content-Disposition")??"",V=/filename="([^"]+)"/.exec(H)?.[1]??"nfc-jukebox-chips.json",L=URL.createObjectURL(await C.blob()),e=document.createElement("a");e.href=L,e.download=V,e.click(),window.setTimeout(()=>URL.revokeObjectURL(L),1e4)}_pick(){let C=this.renderRoot.querySelector("input[type=file]");C.value="",C.click()}async _chosen(C){let H=C.target.files?.[0];if(!H)return;this._done=void 0;let V=await this._send(H,!0);V&&(this._preview={file:H,summary:V})}async _apply(){let C=this._preview;if(!C)return;let H=await this._send(C.file,!1);H&&(this._preview=void 0,this._done=H)}async _send(C,H){this._failure=void 0,this._busy=!0;try{let V=new FormData;V.append("file",C);let L=new URLSearchParams({entry_id:this.entryId});H&&L.set("preview","1");let e=await this.hass.fetchWithAuth(`${J5}?${L}`,{method:"POST",body:V});if(!e.ok){this._preview=void 0,this._failure=await this._errorOf(e);return}return await e.json()}catch(V){this._failure=String(V.message??V);return}finally{this._busy=!1}}_errorOf(C){return H1(this.localize,C)}};e1.properties={hass:{attribute:!1},localize:{attribute:!1},entryId:{attribute:!1},_preview:{state:!0},_done:{state:!0},_failure:{state:!0},_busy:{state:!0}},e1.styles=c`
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
  `;customElements.define("nfc-jukebox-chips-io",e1);function C3(M,C){return M.name.localeCompare(C.name,void 0,{sensitivity:"base"})||(M.uid??"").localeCompare(C.uid??"")}function m5(M,C){let H=new Map((M?.readers??[]).map(L=>[L.entry_id,L.chips]));return{readers:C.readers.map(L=>{let e=C.chips[L.entry_id],r=e?.all?[]:H.get(L.entry_id)??[];if(e){let i=new Set([...e.removed,...e.changed.map(t=>t.subentry_id)]);r=[...r.filter(t=>!i.has(t.subentry_id)),...e.changed],r.sort(C3)}return{...L,chips:r}}),can_edit:C.can_edit}}var H3=/^media-source:\/\/media_source\/[^/]+\/NFC Jukebox\/./,C2=M=>M.kind==="music"&&H3.test(M.media?.media_content_id??"");var H2="nfc-jukebox-card",V3=40,L3={off:G,quiet_hours:K,limit:T},r1=class extends Z{constructor(){super();this._recorded=H=>{this._editing&&H.detail.subentry_id&&(this._editing={...this._editing,subentryId:H.detail.subentry_id})};this._search="",this._now=Date.now(),this._deleteRecording=!1}static getConfigElement(){return document.createElement(`${H2}-editor`)}static getStubConfig(){return{}}setConfig(H){if(H.entry_id!==void 0&&typeof H.entry_id!="string")throw new Error("entry_id must be the id of an NFC Jukebox reader");if(H.kids!==void 0&&typeof H.kids!="boolean")throw new Error("kids must be true or false");this._config=H}getCardSize(){return this._config?.kids?8:4+Math.min(this._reader?.chips.length??0,6)}getGridOptions(){return{columns:12,min_columns:6,min_rows:4}}connectedCallback(){super.connectedCallback(),this.hass&&this._subscribe()}disconnectedCallback(){super.disconnectedCallback(),this._unsubscribeNow(),this._stopTicker()}willUpdate(H){H.has("hass")&&this.hass&&(H.get("hass")||k1(this.hass).then(V=>{this._loaded=V}),this._subscribe()),H.has("_config")&&this._subscribe()}_subscribe(){if(!this.hass||!this._config||!this.isConnected)return;let H=this._config.entry_id??"";if(this._unsubscribe&&this._subscribedTo===H)return;this._unsubscribeNow(),this._subscribedTo=H;let V={type:`${v}/subscribe`};this._config.entry_id&&(V.entry_id=this._config.entry_id),this._unsubscribe=this.hass.connection.subscribeMessage(L=>{this._message=m5(this._message,L),this._syncTicker()},V),this._unsubscribe.catch(L=>{this._error=String(L.message??L)})}_unsubscribeNow(){this._unsubscribe&&this._unsubscribe.then(H=>H()).catch(()=>{}),this._unsubscribe=void 0,this._subscribedTo=void 0}_syncTicker(){this._reader?.sleep_until?(this._ticker??=window.setInterval(()=>{this._now=Date.now()},1e3),this._now=Date.now()):this._stopTicker()}_stopTicker(){this._ticker!==void 0&&window.clearInterval(this._ticker),this._ticker=void 0}get _reader(){let H=this._message?.readers??[];return this._config?.entry_id?H.find(V=>V.entry_id===this._config.entry_id):H[0]}get _lz(){return y1(this.hass,this._loaded)}_t(H,V){return m(this._lz,H,V)}render(){if(!this.hass||!this._config)return a;if(!this._message||!this._loaded)return o`<ha-card><div class="loading"></div></ha-card>`;let H=this._reader;if(!H)return o`<ha-card>
        <ha-alert alert-type="warning">
          ${x(this._lz,"exceptions.reader_not_found.message")}
        </ha-alert>
      </ha-card>`;if(this._config.kids)return o`<ha-card class="kids-card">
        <nfc-jukebox-kids .hass=${this.hass} .reader=${H} .localize=${this._lz}></nfc-jukebox-kids>
      </ha-card>`;let V=this._message.can_edit;return o`<ha-card>
      ${this._renderHeader(H)}
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
          ></nfc-jukebox-chip-form>`:o`${this._renderNow(H,V)} ${this._renderChips(H,V)}`}
    </ha-card>`}_renderHeader(H){return o`<div class="header">
      <ha-svg-icon class="reader-icon" .path=${w2}></ha-svg-icon>
      <div class="title">${H.title}</div>
      ${H.available?a:o`<span class="badge unavailable">${this._t("reader_unavailable")}</span>`}
    </div>`}_renderNow(H,V){let L=H.chip,e=H.speaker?this.hass.states[H.speaker]:void 0,r=e?.state==="playing",i=e&&["playing","paused","buffering"].includes(e.state),t=i?e.attributes.media_title:void 0,A=L?.kind==="music"?L.picture:void 0,p=i?e.attributes.entity_picture??A??void 0:void 0,d;return L?L.name?d=L.name:d=this._t("new_chip"):d=this._t("no_chip"),o`<div class="now">
      <div class="on-reader">
        <div class="chip-token ${L?"present":""}">
          ${L?.picture?o`<img class="picture" src=${L.picture} alt="" decoding="async" />`:o`<ha-svg-icon .path=${L?.kind==="control"?U1:W1}></ha-svg-icon>`}
        </div>
        <div class="on-reader-text">
          <div class="primary">${d}</div>
          ${L?o`<div class="secondary uid">${L.uid}</div>`:a}
          ${L?.blocked?o`<div class="blocked">
                <ha-svg-icon .path=${L3[L.blocked]}></ha-svg-icon>${this._t(`blocked_${L.blocked}`)}
              </div>`:a}
          ${L&&!L.assignable?o`<div class="secondary">${this._t("phone")}</div>`:a}
        </div>
        ${L&&!L.name&&L.assignable&&V?o`<ha-button @click=${()=>this._assign(L.uid)}>${this._t("assign")}</ha-button>`:a}
      </div>
      <div class="player">
        <div class="artwork" style=${p?`background-image:url(${JSON.stringify(p)})`:""}>
          ${p?a:o`<ha-svg-icon .path=${D2}></ha-svg-icon>`}
        </div>
        <div class="player-text">
          <div class="primary">${t||this._t("nothing_plays")}</div>
          ${i&&H.progress&&(!L||L.uid===H.progress.uid)?o`<div class="secondary progress">${this._progressText(H,H.progress)}</div>`:a}
          <div class="secondary">
            ${[i?e.attributes.media_artist:void 0,this._speakerName(H.speaker)].filter(Boolean).join(" · ")}
          </div>
          ${H.speaker_away?o`<div class="secondary fallback">
                ${this._t("on_fallback",{speaker:this._speakerName(H.speaker_away)})}
              </div>`:a}
        </div>
        ${i?o`<ha-icon-button
              .label=${this.hass.localize(r?"ui.card.media_player.media_pause":"ui.card.media_player.media_play")}
              .path=${r?l1:v1}
              @click=${()=>this._playPause(H)}
            ></ha-icon-button>`:a}
      </div>
      ${H.sleep_until||!H.rules?o`<div class="facts">
            ${H.sleep_until?o`<span class="fact"
                  ><ha-svg-icon .path=${z2}></ha-svg-icon>${this._t("sleep_timer")}
                  ${this._timeLeft(H.sleep_until)}</span
                >`:a}
            ${H.rules?a:o`<span class="fact"
                  ><ha-svg-icon .path=${Q1}></ha-svg-icon>${this._t("max_volume")}
                  ${H.max_volume}%</span
                >`}
          </div>`:a}
      ${H.rules?this._renderRules(H,H.rules,V):a}
    </div>`}_renderRules(H,V,L){let e=o`<ha-svg-icon .path=${V.jukebox_on?y2:G}></ha-svg-icon
      >${V.jukebox_on?this._t("jukebox"):this._t("blocked_off")}`;return o`<div class="rules" role="group" aria-label=${this._t("house_rules")}>
      <div class="rules-title">${this._t("house_rules")}</div>
      <div class="facts">
        ${L?o`<button
              class="fact toggle ${V.jukebox_on?"on":"off"}"
              role="switch"
              aria-checked=${V.jukebox_on?"true":"false"}
              aria-label=${this._t("jukebox")}
              title=${this._t("jukebox")}
              @click=${()=>this._setRules(H,{jukebox_on:!V.jukebox_on})}
            >
              ${e}
            </button>`:o`<span class="fact ${V.jukebox_on?"on":"off"}">${e}</span>`}
        ${V.quiet_hours?o`<span class="fact quiet"
              ><ha-svg-icon .path=${K}></ha-svg-icon>${this._t("quiet_hours")}</span
            >`:a}
        ${V.minutes_left!==null?o`<span class="fact ${V.minutes_left<=0?"off":""}"
              ><ha-svg-icon .path=${T}></ha-svg-icon>${this._t("minutes_left",{minutes:V.minutes_left})}</span
            >`:a}
        ${V.minutes_left!==null&&L?o`<button class="fact action" @click=${()=>this._grant(H)}>
              <ha-svg-icon .path=${I2}></ha-svg-icon>${this._t("grant")}
            </button>`:a}
        <span class="fact"
          ><ha-svg-icon .path=${Q1}></ha-svg-icon>${this._t("volume_range",{min:V.volume[0],max:V.volume[1]})}</span
        >
      </div>
    </div>`}_renderChips(H,V){let L=this._search.trim().toLowerCase(),e=H.chips.filter(r=>!L||[r.name,r.uid,this._speakerName(r.speaker??null),this._music(r)].join(" ").toLowerCase().includes(L));return o`<div class="chips">
      <div class="chips-toolbar">
        ${H.chips.length?o`<label class="search">
              <ha-svg-icon .path=${_2}></ha-svg-icon>
              <input
                type="search"
                .value=${this._search}
                placeholder=${this._t("search")}
                aria-label=${this._t("search")}
                @input=${r=>this._search=r.target.value}
              />
            </label>`:o`<div class="secondary empty">${this._t("no_chips")}</div>`}
        ${V?o`<ha-button @click=${()=>this._assign(H.chip?.name?"":H.chip?.uid??"")}>
              <ha-svg-icon slot="start" .path=${T2}></ha-svg-icon>${this._t("add")}
            </ha-button>`:a}
      </div>
      ${V?o`<div class="chip-tools">
              <nfc-jukebox-chips-io
                .hass=${this.hass}
                .localize=${this._lz}
                .entryId=${H.entry_id}
              ></nfc-jukebox-chips-io>
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
      ${e.length>V3?o`<ul class="chip-list virtual">
            ${i5({items:e,keyFunction:r=>r.subentry_id,renderItem:r=>this._renderChip(H,r,V)})}
          </ul>`:o`<ul class="chip-list">
            ${e.map(r=>this._renderChip(H,r,V))}
          </ul>`}
    </div>`}_renderChip(H,V,L){let e=H.chip?.subentry_id===V.subentry_id;if(this._deleting===V.subentry_id)return o`<li class="chip confirm">
        <div class="chip-text">
          ${this._t("delete_confirm",{name:V.name})}
          ${C2(V)?o`<label class="also-recording"
                ><input
                  type="checkbox"
                  .checked=${this._deleteRecording}
                  @change=${t=>this._deleteRecording=t.target.checked}
                />${this._t("delete_recording_too")}</label
              >`:a}
        </div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._deleting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button variant="danger" @click=${()=>this._delete(H,V)}
            >${this._t("delete")}</ha-button
          >
        </div>
      </li>`;if(this._resetting===V.subentry_id)return o`<li class="chip confirm">
        <div class="chip-text">${this._t("reset_confirm",{name:V.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._resetting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button @click=${()=>this._reset(H,V)}>${this._t("reset_progress")}</ha-button>
        </div>
      </li>`;if(this._pictureOf===V.uid)return o`<li class="chip confirm picture-choice">
        <img class="picture" src=${V.picture??""} alt="" decoding="async" />
        <div class="chip-text">${this._t("picture_of",{name:V.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._pictureOf=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button appearance="plain" @click=${()=>this._removePicture(V.uid)}
            ><ha-svg-icon slot="start" .path=${g2}></ha-svg-icon>${this._t("remove_picture")}</ha-button
          >
          <ha-button @click=${()=>this._pickPicture(V.uid)}
            ><ha-svg-icon slot="start" .path=${N1}></ha-svg-icon>${this._t("new_picture")}</ha-button
          >
        </div>
      </li>`;let r=V.kind==="music"?[this._music(V),this._speakerName(V.speaker??null)]:[x(this._lz,`selector.action.options.${V.action??""}`),V.action==="sleep_timer"&&V.minutes?new Intl.NumberFormat(this.hass.locale?.language??this.hass.language,{style:"unit",unit:"minute",unitDisplay:"long"}).format(V.minutes):""],i=V.picture?o`<img class="picture" src=${V.picture} alt="" loading="lazy" decoding="async" />`:o`<ha-svg-icon
          class="kind"
          .path=${V.kind==="music"?W1:U1}
          title=${this._t(V.kind==="music"?"music_chip":"control_chip")}
        ></ha-svg-icon>`;return o`<li class="chip ${e?"on-reader-now":""}">
      ${L?o`<button
            class="avatar"
            aria-label=${this._t("picture_of",{name:V.name})}
            title=${this._t("picture")}
            @click=${()=>V.own_picture?this._pictureOf=V.uid:this._pickPicture(V.uid)}
          >
            ${i}<ha-svg-icon class="badge" .path=${N1}></ha-svg-icon>
          </button>`:i}
      <div class="chip-text">
        <div class="primary">${V.name}</div>
        <div class="secondary"><span class="uid">${V.uid}</span></div>
        <div class="secondary">${r.filter(Boolean).join(" · ")}</div>
      </div>
      <div class="actions">
        ${V.kind==="music"?o`<ha-icon-button
              .label=${this._t("play_now")}
              .path=${B2}
              @click=${()=>this._play(H,V)}
            ></ha-icon-button>`:a}
        ${L&&V.kind==="music"?o`<ha-icon-button
              .label=${this._t("edit")}
              .path=${P2}
              @click=${()=>this._edit(V)}
            ></ha-icon-button>`:a}
        ${L&&V.kind==="music"?o`<ha-icon-button
              .label=${this._t("reset_progress")}
              .path=${R2}
              @click=${()=>this._resetting=V.subentry_id}
            ></ha-icon-button>`:a}
        ${L?o`<ha-icon-button
              .label=${this._t("delete")}
              .path=${S2}
              @click=${()=>{this._deleteRecording=!1,this._deleting=V.subentry_id}}
            ></ha-icon-button>`:a}
      </div>
    </li>`}_pickPicture(H){this._pictureFor=H,this._pictureOf=void 0;let V=this.renderRoot.querySelector("input.picture-input");V&&(V.value="",V.click())}async _pictureChosen(H){let V=H.target.files?.[0],L=this._pictureFor;if(!V||!L)return;let e=new FormData;e.append("file",V);let r=await this.hass.fetchWithAuth(`/api/${v}/chips/${L}/picture`,{method:"POST",body:e});this._error=r.ok?void 0:await H1(this._lz,r)}async _removePicture(H){this._pictureOf=void 0;let V=await this.hass.fetchWithAuth(`/api/${v}/chips/${H}/picture`,{method:"DELETE"});this._error=V.ok?void 0:await H1(this._lz,V)}_speakerName(H){return H?this.hass.states[H]?.attributes.friendly_name??H:""}_music(H){let V=H.media;if(!V)return"";if(V.metadata?.title)return V.metadata.title;let L=V.media_content_id.split("/").pop()??V.media_content_id;try{return decodeURIComponent(L)}catch{return L}}_progressText(H,V){let L={track:V.track,tracks:V.tracks,title:V.title},e=H.chips.find(r=>r.uid===V.uid);return this._t(e?.media?.media_content_type==="podcast"?"episode_of":"track_of",L)}_timeLeft(H){let V=Math.max(0,Math.round((Date.parse(H)-this._now)/1e3));return`${Math.floor(V/60)}:${String(V%60).padStart(2,"0")}`}_assign(H){let V={uid:H,name:"",play_on:D,playback:{...J1}},L=this._reader,e=L?.speaker??L?.chips.find(r=>r.speaker)?.speaker;e&&(V.media={entity_id:e,media_content_id:"",media_content_type:""}),this._editing={subentryId:null,initial:V}}_edit(H){let V={uid:H.uid,name:H.name,playback:{...J1,...H.playback}};H.media&&(V.media=H.media);let L=H.media?n5[H.media.media_content_type]:void 0;H.media&&L&&(V[L]=H.media.media_content_id,V.media={entity_id:H.media.entity_id,media_content_id:"",media_content_type:""}),V.play_on=H.play_on??D,this._editing={subentryId:H.subentry_id,initial:V}}async _save(H){let V=this._reader,L=this._editing;if(!V||!L)return;let e=H.target,r={type:`${v}/chip/save`,entry_id:V.entry_id,...H.detail};L.subentryId&&(r.subentry_id=L.subentryId);try{let i=await this.hass.callWS(r);if(i.errors){e.placeholders=i.placeholders,e.errors=i.errors;return}this._editing=void 0}catch(i){e.failure=this._failure(i)}}async _delete(H,V){this._deleting=void 0,await this._call({type:`${v}/chip/delete`,entry_id:H.entry_id,subentry_id:V.subentry_id}),this._deleteRecording&&C2(V)&&V.media&&await this._call({type:`${v}/recording/delete`,media_content_id:V.media.media_content_id})}async _reset(H,V){this._resetting=void 0,await this._call({type:`${v}/chip/reset`,entry_id:H.entry_id,subentry_id:V.subentry_id})}async _play(H,V){await this._call({type:`${v}/chip/play`,entry_id:H.entry_id,subentry_id:V.subentry_id})}async _setRules(H,V){await this._call({type:`${v}/rules/set`,entry_id:H.entry_id,...V})}async _grant(H){await this._call({type:`${v}/rules/grant`,entry_id:H.entry_id})}async _playPause(H){await this._call({type:`${v}/press`,entry_id:H.entry_id,button:"play_pause"})}async _call(H){try{await this.hass.callWS(H)}catch(V){this._error=this._failure(V)}}_failure(H){let V=H;if(V.translation_key){let L=x(this._lz,`exceptions.${V.translation_key}.message`);if(L)return L}return V.message??String(H)}};r1.properties={hass:{attribute:!1},_config:{state:!0},_message:{state:!0},_search:{state:!0},_editing:{state:!0},_deleting:{state:!0},_deleteRecording:{state:!0},_resetting:{state:!0},_pictureOf:{state:!0},_error:{state:!0},_now:{state:!0},_loaded:{state:!0}},r1.styles=c`
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
      align-items: center;
      gap: 4px;
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
  `;customElements.define(H2,r1);var M3=window.customCards??=[];M3.push({type:H2,name:"NFC Jukebox",description:"The reader, the chip on it, what plays, and every chip of the home.",preview:!0,documentationURL:"https://github.com/nfc-jukebox/nfc-jukebox#dashboard-card"});export{r1 as NfcJukeboxCard};
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
