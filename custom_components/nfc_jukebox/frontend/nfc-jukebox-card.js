var t5=Object.defineProperty;var k1=(M,C,H)=>()=>{if(H)throw H[0];try{return M&&(C=M(M=0)),C}catch(V){throw H=[V],V}};var i5=(M,C)=>{for(var H in C)t5(M,H,{get:C[H],enumerable:!0})};var J,Q2=k1(()=>{J=class{constructor(C){this._map=new Map,this._roundAverageSize=!1,this.totalSize=0,C?.roundAverageSize===!0&&(this._roundAverageSize=!0)}set(C,H){let V=this._map.get(C)||0;this._map.set(C,H),this.totalSize+=H-V}get averageSize(){if(this._map.size>0){let C=this.totalSize/this._map.size;return this._roundAverageSize?Math.round(C):C}return 0}getSize(C){return this._map.get(C)}clear(){this._map.clear(),this.totalSize=0}}});function W1(M){return M==="horizontal"?"width":"height"}var Z1,G2=k1(()=>{Z1=class{_getDefaultConfig(){return{direction:"vertical"}}constructor(C,H){this._latestCoords={left:0,top:0},this._direction=null,this._viewportSize={width:0,height:0},this.totalScrollSize={width:0,height:0},this.offsetWithinScroller={left:0,top:0},this._pendingReflow=!1,this._pendingLayoutUpdate=!1,this._pin=null,this._firstVisible=0,this._lastVisible=0,this._physicalMin=0,this._physicalMax=0,this._first=-1,this._last=-1,this._sizeDim="height",this._secondarySizeDim="width",this._positionDim="top",this._secondaryPositionDim="left",this._scrollPosition=0,this._scrollError=0,this._items=[],this._scrollSize=1,this._overhang=1e3,this._hostSink=C,Promise.resolve().then(()=>this.config=H||this._getDefaultConfig())}set config(C){Object.assign(this,Object.assign({},this._getDefaultConfig(),C))}get config(){return{direction:this.direction}}get items(){return this._items}set items(C){this._setItems(C)}_setItems(C){C!==this._items&&(this._items=C,this._scheduleReflow())}get direction(){return this._direction}set direction(C){C=C==="horizontal"?C:"vertical",C!==this._direction&&(this._direction=C,this._sizeDim=C==="horizontal"?"width":"height",this._secondarySizeDim=C==="horizontal"?"height":"width",this._positionDim=C==="horizontal"?"left":"top",this._secondaryPositionDim=C==="horizontal"?"top":"left",this._triggerReflow())}get viewportSize(){return this._viewportSize}set viewportSize(C){let{_viewDim1:H,_viewDim2:V}=this;Object.assign(this._viewportSize,C),V!==this._viewDim2?this._scheduleLayoutUpdate():H!==this._viewDim1&&this._checkThresholds()}get viewportScroll(){return this._latestCoords}set viewportScroll(C){Object.assign(this._latestCoords,C);let H=this._scrollPosition;this._scrollPosition=this._latestCoords[this._positionDim],Math.abs(H-this._scrollPosition)>=1&&this._checkThresholds()}reflowIfNeeded(C=!1){(C||this._pendingReflow)&&(this._pendingReflow=!1,this._reflow())}set pin(C){this._pin=C,this._triggerReflow()}get pin(){if(this._pin!==null){let{index:C,block:H}=this._pin;return{index:Math.max(0,Math.min(C,this.items.length-1)),block:H}}return null}_clampScrollPosition(C){return Math.max(-this.offsetWithinScroller[this._positionDim],Math.min(C,this.totalScrollSize[W1(this.direction)]-this._viewDim1))}unpin(){this._pin!==null&&(this._sendUnpinnedMessage(),this._pin=null)}_updateLayout(){}get _viewDim1(){return this._viewportSize[this._sizeDim]}get _viewDim2(){return this._viewportSize[this._secondarySizeDim]}_scheduleReflow(){this._pendingReflow=!0}_scheduleLayoutUpdate(){this._pendingLayoutUpdate=!0,this._scheduleReflow()}_triggerReflow(){this._scheduleLayoutUpdate(),Promise.resolve().then(()=>this.reflowIfNeeded())}_reflow(){this._pendingLayoutUpdate&&(this._updateLayout(),this._pendingLayoutUpdate=!1),this._updateScrollSize(),this._setPositionFromPin(),this._getActiveItems(),this._updateVisibleIndices(),this._sendStateChangedMessage()}_setPositionFromPin(){if(this.pin!==null){let C=this._scrollPosition,{index:H,block:V}=this.pin;this._scrollPosition=this._calculateScrollIntoViewPosition({index:H,block:V||"start"})-this.offsetWithinScroller[this._positionDim],this._scrollError=C-this._scrollPosition}}_calculateScrollIntoViewPosition(C){let{block:H}=C,V=Math.min(this.items.length,Math.max(0,C.index)),L=this._getItemPosition(V)[this._positionDim],r=L;if(H!=="start"){let e=this._getItemSize(V)[this._sizeDim];if(H==="center")r=L-.5*this._viewDim1+.5*e;else{let o=L-this._viewDim1+e;if(H==="end")r=o;else{let t=this._scrollPosition;r=Math.abs(t-L)<Math.abs(t-o)?L:o}}}return r+=this.offsetWithinScroller[this._positionDim],this._clampScrollPosition(r)}getScrollIntoViewCoordinates(C){return{[this._positionDim]:this._calculateScrollIntoViewPosition(C)}}_sendUnpinnedMessage(){this._hostSink({type:"unpinned"})}_sendVisibilityChangedMessage(){this._hostSink({type:"visibilityChanged",firstVisible:this._firstVisible,lastVisible:this._lastVisible})}_sendStateChangedMessage(){let C=new Map;if(this._first!==-1&&this._last!==-1)for(let V=this._first;V<=this._last;V++)C.set(V,this._getItemPosition(V));let H={type:"stateChanged",scrollSize:{[this._sizeDim]:this._scrollSize,[this._secondarySizeDim]:null},range:{first:this._first,last:this._last,firstVisible:this._firstVisible,lastVisible:this._lastVisible},childPositions:C};this._scrollError&&(H.scrollError={[this._positionDim]:this._scrollError,[this._secondaryPositionDim]:0},this._scrollError=0),this._hostSink(H)}get _num(){return this._first===-1||this._last===-1?0:this._last-this._first+1}_checkThresholds(){if(this._viewDim1===0&&this._num>0||this._pin!==null)this._scheduleReflow();else{let C=Math.max(0,this._scrollPosition-this._overhang),H=Math.min(this._scrollSize,this._scrollPosition+this._viewDim1+this._overhang);this._physicalMin>C||this._physicalMax<H?this._scheduleReflow():this._updateVisibleIndices({emit:!0})}}_updateVisibleIndices(C){if(this._first===-1||this._last===-1)return;let H=this._first;for(;H<this._last&&Math.round(this._getItemPosition(H)[this._positionDim]+this._getItemSize(H)[this._sizeDim])<=Math.round(this._scrollPosition);)H++;let V=this._last;for(;V>this._first&&Math.round(this._getItemPosition(V)[this._positionDim])>=Math.round(this._scrollPosition+this._viewDim1);)V--;(H!==this._firstVisible||V!==this._lastVisible)&&(this._firstVisible=H,this._lastVisible=V,C&&C.emit&&this._sendVisibilityChangedMessage())}}});var j2={};i5(j2,{FlowLayout:()=>u1,flow:()=>O5});function K2(M){return M==="horizontal"?"marginLeft":"marginTop"}function f5(M){return M==="horizontal"?"marginRight":"marginBottom"}function g5(M){return M==="horizontal"?"xOffset":"yOffset"}function _5(M,C){let H=[M,C].sort();return H[1]<=0?Math.min(...H):H[0]>=0?Math.max(...H):H[0]+H[1]}var O5,U1,u1,q2=k1(()=>{Q2();G2();O5=M=>Object.assign({type:u1},M);U1=class{constructor(){this._childSizeCache=new J,this._marginSizeCache=new J,this._metricsCache=new Map}update(C,H){let V=new Set;Object.keys(C).forEach(L=>{let r=Number(L);this._metricsCache.set(r,C[r]),this._childSizeCache.set(r,C[r][W1(H)]),V.add(r),V.add(r+1)});for(let L of V){let r=this._metricsCache.get(L)?.[K2(H)]||0,e=this._metricsCache.get(L-1)?.[f5(H)]||0;this._marginSizeCache.set(L,_5(r,e))}}get averageChildSize(){return this._childSizeCache.averageSize}get totalChildSize(){return this._childSizeCache.totalSize}get averageMarginSize(){return this._marginSizeCache.averageSize}get totalMarginSize(){return this._marginSizeCache.totalSize}getLeadingMarginValue(C,H){return this._metricsCache.get(C)?.[K2(H)]||0}getChildSize(C){return this._childSizeCache.getSize(C)}getMarginSize(C){return this._marginSizeCache.getSize(C)}clear(){this._childSizeCache.clear(),this._marginSizeCache.clear(),this._metricsCache.clear()}},u1=class extends Z1{constructor(){super(...arguments),this._itemSize={width:100,height:100},this._physicalItems=new Map,this._newPhysicalItems=new Map,this._metricsCache=new U1,this._anchorIdx=null,this._anchorPos=null,this._stable=!0,this._measureChildren=!0,this._estimate=!0}get measureChildren(){return this._measureChildren}updateItemSizes(C){this._metricsCache.update(C,this.direction),this._scheduleReflow()}_getPhysicalItem(C){return this._newPhysicalItems.get(C)??this._physicalItems.get(C)}_getSize(C){return this._getPhysicalItem(C)&&this._metricsCache.getChildSize(C)}_getAverageSize(){return this._metricsCache.averageChildSize||this._itemSize[this._sizeDim]}_estimatePosition(C){let H=this._metricsCache;if(this._first===-1||this._last===-1)return H.averageMarginSize+C*(H.averageMarginSize+this._getAverageSize());if(C<this._first){let V=this._first-C;return this._getPhysicalItem(this._first).pos-(H.getMarginSize(this._first-1)||H.averageMarginSize)-(V*H.averageChildSize+(V-1)*H.averageMarginSize)}else{let V=C-this._last;return this._getPhysicalItem(this._last).pos+(H.getChildSize(this._last)||H.averageChildSize)+(H.getMarginSize(this._last)||H.averageMarginSize)+V*(H.averageChildSize+H.averageMarginSize)}}_getPosition(C){let H=this._getPhysicalItem(C),{averageMarginSize:V}=this._metricsCache;return C===0?this._metricsCache.getMarginSize(0)??V:H?H.pos:this._estimatePosition(C)}_calculateAnchor(C,H){return C<=0?0:H>this._scrollSize-this._viewDim1?this.items.length-1:Math.max(0,Math.min(this.items.length-1,Math.floor((C+H)/2/this._delta)))}_getAnchor(C,H){if(this._physicalItems.size===0)return this._calculateAnchor(C,H);if(this._first<0)return this._calculateAnchor(C,H);if(this._last<0)return this._calculateAnchor(C,H);let V=this._getPhysicalItem(this._first),L=this._getPhysicalItem(this._last),r=V.pos;if(L.pos+this._metricsCache.getChildSize(this._last)<C)return this._calculateAnchor(C,H);if(r>H)return this._calculateAnchor(C,H);let t=this._firstVisible-1,A=-1/0;for(;A<C;)A=this._getPhysicalItem(++t).pos+this._metricsCache.getChildSize(t);return t}_getActiveItems(){this._viewDim1===0||this.items.length===0?this._clearItems():this._getItems()}_clearItems(){this._first=-1,this._last=-1,this._physicalMin=0,this._physicalMax=0;let C=this._newPhysicalItems;this._newPhysicalItems=this._physicalItems,this._newPhysicalItems.clear(),this._physicalItems=C,this._stable=!0}_getItems(){let C=this._newPhysicalItems;this._stable=!0;let H,V;if(this.pin!==null){let{index:A}=this.pin;this._anchorIdx=A,this._anchorPos=this._getPosition(A)}if(H=this._scrollPosition-this._overhang,V=this._scrollPosition+this._viewDim1+this._overhang,V<0||H>this._scrollSize){this._clearItems();return}(this._anchorIdx===null||this._anchorPos===null)&&(this._anchorIdx=this._getAnchor(H,V),this._anchorPos=this._getPosition(this._anchorIdx));let L=this._getSize(this._anchorIdx);L===void 0&&(this._stable=!1,L=this._getAverageSize());let r=this._metricsCache.getMarginSize(this._anchorIdx)??this._metricsCache.averageMarginSize,e=this._metricsCache.getMarginSize(this._anchorIdx+1)??this._metricsCache.averageMarginSize;this._anchorIdx===0&&(this._anchorPos=r),this._anchorIdx===this.items.length-1&&(this._anchorPos=this._scrollSize-e-L);let o=0;for(this._anchorPos+L+e<H&&(o=H-(this._anchorPos+L+e)),this._anchorPos-r>V&&(o=V-(this._anchorPos-r)),o&&(this._scrollPosition-=o,H-=o,V-=o,this._scrollError+=o),C.set(this._anchorIdx,{pos:this._anchorPos,size:L}),this._first=this._last=this._anchorIdx,this._physicalMin=this._anchorPos-r,this._physicalMax=this._anchorPos+L+e;this._physicalMin>H&&this._first>0;){let A=this._getSize(--this._first);A===void 0&&(this._stable=!1,A=this._getAverageSize());let p=this._metricsCache.getMarginSize(this._first);p===void 0&&(this._stable=!1,p=this._metricsCache.averageMarginSize),this._physicalMin-=A;let d=this._physicalMin;if(C.set(this._first,{pos:d,size:A}),this._physicalMin-=p,this._stable===!1&&this._estimate===!1)break}for(;this._physicalMax<V&&this._last<this.items.length-1;){let A=this._getSize(++this._last);A===void 0&&(this._stable=!1,A=this._getAverageSize());let p=this._metricsCache.getMarginSize(this._last);p===void 0&&(this._stable=!1,p=this._metricsCache.averageMarginSize);let d=this._physicalMax;if(C.set(this._last,{pos:d,size:A}),this._physicalMax+=A+p,!this._stable&&!this._estimate)break}let t=this._calculateError();t&&(this._physicalMin-=t,this._physicalMax-=t,this._anchorPos-=t,this._scrollPosition-=t,C.forEach(A=>A.pos-=t),this._scrollError+=t),this._stable&&(this._newPhysicalItems=this._physicalItems,this._newPhysicalItems.clear(),this._physicalItems=C)}_calculateError(){return this._first===0?this._physicalMin:this._physicalMin<=0?this._physicalMin-this._first*this._delta:this._last===this.items.length-1?this._physicalMax-this._scrollSize:this._physicalMax>=this._scrollSize?this._physicalMax-this._scrollSize+(this.items.length-1-this._last)*this._delta:0}_reflow(){let{_first:C,_last:H}=this;super._reflow(),(this._first===-1&&this._last==-1||this._first===C&&this._last===H)&&this._resetReflowState()}_resetReflowState(){this._anchorIdx=null,this._anchorPos=null,this._stable=!0}_updateScrollSize(){let{averageMarginSize:C}=this._metricsCache;this._scrollSize=Math.max(1,this.items.length*(C+this._getAverageSize())+C)}get _delta(){let{averageMarginSize:C}=this._metricsCache;return this._getAverageSize()+C}_getItemPosition(C){return{[this._positionDim]:this._getPosition(C),[this._secondaryPositionDim]:0,[g5(this.direction)]:-(this._metricsCache.getLeadingMarginValue(C,this.direction)??this._metricsCache.averageMarginSize)}}_getItemSize(C){return{[this._sizeDim]:this._getSize(C)||this._getAverageSize(),[this._secondarySizeDim]:this._itemSize[this._secondarySizeDim]}}_viewDim2Changed(){this._metricsCache.clear(),this._scheduleReflow()}}});var r1=globalThis,e1=r1.ShadowRoot&&(r1.ShadyCSS===void 0||r1.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,y1=Symbol(),X1=new WeakMap,$=class{constructor(C,H,V){if(this._$cssResult$=!0,V!==y1)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=C,this.t=H}get styleSheet(){let C=this.o,H=this.t;if(e1&&C===void 0){let V=H!==void 0&&H.length===1;V&&(C=X1.get(H)),C===void 0&&((this.o=C=new CSSStyleSheet).replaceSync(this.cssText),V&&X1.set(H,C))}return C}toString(){return this.cssText}},Y1=M=>new $(typeof M=="string"?M:M+"",void 0,y1),h=(M,...C)=>{let H=M.length===1?M[0]:C.reduce((V,L,r)=>V+(e=>{if(e._$cssResult$===!0)return e.cssText;if(typeof e=="number")return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(L)+M[r+1],M[0]);return new $(H,M,y1)},J1=(M,C)=>{if(e1)M.adoptedStyleSheets=C.map(H=>H instanceof CSSStyleSheet?H:H.styleSheet);else for(let H of C){let V=document.createElement("style"),L=r1.litNonce;L!==void 0&&V.setAttribute("nonce",L),V.textContent=H.cssText,M.appendChild(V)}},b1=e1?M=>M:M=>M instanceof CSSStyleSheet?(C=>{let H="";for(let V of C.cssRules)H+=V.cssText;return Y1(H)})(M):M;var{is:o5,defineProperty:a5,getOwnPropertyDescriptor:A5,getOwnPropertyNames:d5,getOwnPropertySymbols:p5,getPrototypeOf:m5}=Object,t1=globalThis,C2=t1.trustedTypes,n5=C2?C2.emptyScript:"",l5=t1.reactiveElementPolyfillSupport,z=(M,C)=>M,w1={toAttribute(M,C){switch(C){case Boolean:M=M?n5:null;break;case Object:case Array:M=M==null?M:JSON.stringify(M)}return M},fromAttribute(M,C){let H=M;switch(C){case Boolean:H=M!==null;break;case Number:H=M===null?null:Number(M);break;case Object:case Array:try{H=JSON.parse(M)}catch{H=null}}return H}},V2=(M,C)=>!o5(M,C),H2={attribute:!0,type:String,converter:w1,reflect:!1,useDefault:!1,hasChanged:V2};Symbol.metadata??=Symbol("metadata"),t1.litPropertyMetadata??=new WeakMap;var O=class extends HTMLElement{static addInitializer(C){this._$Ei(),(this.l??=[]).push(C)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(C,H=H2){if(H.state&&(H.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(C)&&((H=Object.create(H)).wrapped=!0),this.elementProperties.set(C,H),!H.noAccessor){let V=Symbol(),L=this.getPropertyDescriptor(C,V,H);L!==void 0&&a5(this.prototype,C,L)}}static getPropertyDescriptor(C,H,V){let{get:L,set:r}=A5(this.prototype,C)??{get(){return this[H]},set(e){this[H]=e}};return{get:L,set(e){let o=L?.call(this);r?.call(this,e),this.requestUpdate(C,o,V)},configurable:!0,enumerable:!0}}static getPropertyOptions(C){return this.elementProperties.get(C)??H2}static _$Ei(){if(this.hasOwnProperty(z("elementProperties")))return;let C=m5(this);C.finalize(),C.l!==void 0&&(this.l=[...C.l]),this.elementProperties=new Map(C.elementProperties)}static finalize(){if(this.hasOwnProperty(z("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(z("properties"))){let H=this.properties,V=[...d5(H),...p5(H)];for(let L of V)this.createProperty(L,H[L])}let C=this[Symbol.metadata];if(C!==null){let H=litPropertyMetadata.get(C);if(H!==void 0)for(let[V,L]of H)this.elementProperties.set(V,L)}this._$Eh=new Map;for(let[H,V]of this.elementProperties){let L=this._$Eu(H,V);L!==void 0&&this._$Eh.set(L,H)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(C){let H=[];if(Array.isArray(C)){let V=new Set(C.flat(1/0).reverse());for(let L of V)H.unshift(b1(L))}else C!==void 0&&H.push(b1(C));return H}static _$Eu(C,H){let V=H.attribute;return V===!1?void 0:typeof V=="string"?V:typeof C=="string"?C.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(C=>this.enableUpdating=C),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(C=>C(this))}addController(C){(this._$EO??=new Set).add(C),this.renderRoot!==void 0&&this.isConnected&&C.hostConnected?.()}removeController(C){this._$EO?.delete(C)}_$E_(){let C=new Map,H=this.constructor.elementProperties;for(let V of H.keys())this.hasOwnProperty(V)&&(C.set(V,this[V]),delete this[V]);C.size>0&&(this._$Ep=C)}createRenderRoot(){let C=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return J1(C,this.constructor.elementStyles),C}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(C=>C.hostConnected?.())}enableUpdating(C){}disconnectedCallback(){this._$EO?.forEach(C=>C.hostDisconnected?.())}attributeChangedCallback(C,H,V){this._$AK(C,V)}_$ET(C,H){let V=this.constructor.elementProperties.get(C),L=this.constructor._$Eu(C,V);if(L!==void 0&&V.reflect===!0){let r=(V.converter?.toAttribute!==void 0?V.converter:w1).toAttribute(H,V.type);this._$Em=C,r==null?this.removeAttribute(L):this.setAttribute(L,r),this._$Em=null}}_$AK(C,H){let V=this.constructor,L=V._$Eh.get(C);if(L!==void 0&&this._$Em!==L){let r=V.getPropertyOptions(L),e=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:w1;this._$Em=L;let o=e.fromAttribute(H,r.type);this[L]=o??this._$Ej?.get(L)??o,this._$Em=null}}requestUpdate(C,H,V,L=!1,r){if(C!==void 0){let e=this.constructor;if(L===!1&&(r=this[C]),V??=e.getPropertyOptions(C),!((V.hasChanged??V2)(r,H)||V.useDefault&&V.reflect&&r===this._$Ej?.get(C)&&!this.hasAttribute(e._$Eu(C,V))))return;this.C(C,H,V)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(C,H,{useDefault:V,reflect:L,wrapped:r},e){V&&!(this._$Ej??=new Map).has(C)&&(this._$Ej.set(C,e??H??this[C]),r!==!0||e!==void 0)||(this._$AL.has(C)||(this.hasUpdated||V||(H=void 0),this._$AL.set(C,H)),L===!0&&this._$Em!==C&&(this._$Eq??=new Set).add(C))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(H){Promise.reject(H)}let C=this.scheduleUpdate();return C!=null&&await C,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[L,r]of this._$Ep)this[L]=r;this._$Ep=void 0}let V=this.constructor.elementProperties;if(V.size>0)for(let[L,r]of V){let{wrapped:e}=r,o=this[L];e!==!0||this._$AL.has(L)||o===void 0||this.C(L,void 0,r,o)}}let C=!1,H=this._$AL;try{C=this.shouldUpdate(H),C?(this.willUpdate(H),this._$EO?.forEach(V=>V.hostUpdate?.()),this.update(H)):this._$EM()}catch(V){throw C=!1,this._$EM(),V}C&&this._$AE(H)}willUpdate(C){}_$AE(C){this._$EO?.forEach(H=>H.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(C)),this.updated(C)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(C){return!0}update(C){this._$Eq&&=this._$Eq.forEach(H=>this._$ET(H,this[H])),this._$EM()}updated(C){}firstUpdated(C){}};O.elementStyles=[],O.shadowRootOptions={mode:"open"},O[z("elementProperties")]=new Map,O[z("finalized")]=new Map,l5?.({ReactiveElement:O}),(t1.reactiveElementVersions??=[]).push("2.1.2");var B1=globalThis,L2=M=>M,i1=B1.trustedTypes,M2=i1?i1.createPolicy("lit-html",{createHTML:M=>M}):void 0,T1="$lit$",f=`lit$${Math.random().toFixed(9).slice(2)}$`,F1="?"+f,v5=`<${F1}>`,y=document,N=()=>y.createComment(""),W=M=>M===null||typeof M!="object"&&typeof M!="function",R1=Array.isArray,a2=M=>R1(M)||typeof M?.[Symbol.iterator]=="function",P1=`[ 	
\f\r]`,I=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,r2=/-->/g,e2=/>/g,_=RegExp(`>|${P1}(?:([^\\s"'>=/]+)(${P1}*=${P1}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),t2=/'/g,i2=/"/g,A2=/^(?:script|style|textarea|title)$/i,E1=M=>(C,...H)=>({_$litType$:M,strings:C,values:H}),i=E1(1),Y5=E1(2),J5=E1(3),S=Symbol.for("lit-noChange"),a=Symbol.for("lit-nothing"),o2=new WeakMap,k=y.createTreeWalker(y,129);function d2(M,C){if(!R1(M)||!M.hasOwnProperty("raw"))throw Error("invalid template strings array");return M2!==void 0?M2.createHTML(C):C}var p2=(M,C)=>{let H=M.length-1,V=[],L,r=C===2?"<svg>":C===3?"<math>":"",e=I;for(let o=0;o<H;o++){let t=M[o],A,p,d=-1,n=0;for(;n<t.length&&(e.lastIndex=n,p=e.exec(t),p!==null);)n=e.lastIndex,e===I?p[1]==="!--"?e=r2:p[1]!==void 0?e=e2:p[2]!==void 0?(A2.test(p[2])&&(L=RegExp("</"+p[2],"g")),e=_):p[3]!==void 0&&(e=_):e===_?p[0]===">"?(e=L??I,d=-1):p[1]===void 0?d=-2:(d=e.lastIndex-p[2].length,A=p[1],e=p[3]===void 0?_:p[3]==='"'?i2:t2):e===i2||e===t2?e=_:e===r2||e===e2?e=I:(e=_,L=void 0);let m=e===_&&M[o+1].startsWith("/>")?" ":"";r+=e===I?t+v5:d>=0?(V.push(A),t.slice(0,d)+T1+t.slice(d)+f+m):t+f+(d===-2?o:m)}return[d2(M,r+(M[H]||"<?>")+(C===2?"</svg>":C===3?"</math>":"")),V]},U=class M{constructor({strings:C,_$litType$:H},V){let L;this.parts=[];let r=0,e=0,o=C.length-1,t=this.parts,[A,p]=p2(C,H);if(this.el=M.createElement(A,V),k.currentNode=this.el.content,H===2||H===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(L=k.nextNode())!==null&&t.length<o;){if(L.nodeType===1){if(L.hasAttributes())for(let d of L.getAttributeNames())if(d.endsWith(T1)){let n=p[e++],m=L.getAttribute(d).split(f),l=/([.?@])?(.*)/.exec(n);t.push({type:1,index:r,name:l[2],strings:m,ctor:l[1]==="."?a1:l[1]==="?"?A1:l[1]==="@"?d1:w}),L.removeAttribute(d)}else d.startsWith(f)&&(t.push({type:6,index:r}),L.removeAttribute(d));if(A2.test(L.tagName)){let d=L.textContent.split(f),n=d.length-1;if(n>0){L.textContent=i1?i1.emptyScript:"";for(let m=0;m<n;m++)L.append(d[m],N()),k.nextNode(),t.push({type:2,index:++r});L.append(d[n],N())}}}else if(L.nodeType===8)if(L.data===F1)t.push({type:2,index:r});else{let d=-1;for(;(d=L.data.indexOf(f,d+1))!==-1;)t.push({type:7,index:r}),d+=f.length-1}r++}}static createElement(C,H){let V=y.createElement("template");return V.innerHTML=C,V}};function b(M,C,H=M,V){if(C===S)return C;let L=V!==void 0?H._$Co?.[V]:H._$Cl,r=W(C)?void 0:C._$litDirective$;return L?.constructor!==r&&(L?._$AO?.(!1),r===void 0?L=void 0:(L=new r(M),L._$AT(M,H,V)),V!==void 0?(H._$Co??=[])[V]=L:H._$Cl=L),L!==void 0&&(C=b(M,L._$AS(M,C.values),L,V)),C}var o1=class{constructor(C,H){this._$AV=[],this._$AN=void 0,this._$AD=C,this._$AM=H}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(C){let{el:{content:H},parts:V}=this._$AD,L=(C?.creationScope??y).importNode(H,!0);k.currentNode=L;let r=k.nextNode(),e=0,o=0,t=V[0];for(;t!==void 0;){if(e===t.index){let A;t.type===2?A=new B(r,r.nextSibling,this,C):t.type===1?A=new t.ctor(r,t.name,t.strings,this,C):t.type===6&&(A=new p1(r,this,C)),this._$AV.push(A),t=V[++o]}e!==t?.index&&(r=k.nextNode(),e++)}return k.currentNode=y,L}p(C){let H=0;for(let V of this._$AV)V!==void 0&&(V.strings!==void 0?(V._$AI(C,V,H),H+=V.strings.length-2):V._$AI(C[H])),H++}},B=class M{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(C,H,V,L){this.type=2,this._$AH=a,this._$AN=void 0,this._$AA=C,this._$AB=H,this._$AM=V,this.options=L,this._$Cv=L?.isConnected??!0}get parentNode(){let C=this._$AA.parentNode,H=this._$AM;return H!==void 0&&C?.nodeType===11&&(C=H.parentNode),C}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(C,H=this){C=b(this,C,H),W(C)?C===a||C==null||C===""?(this._$AH!==a&&this._$AR(),this._$AH=a):C!==this._$AH&&C!==S&&this._(C):C._$litType$!==void 0?this.$(C):C.nodeType!==void 0?this.T(C):a2(C)?this.k(C):this._(C)}O(C){return this._$AA.parentNode.insertBefore(C,this._$AB)}T(C){this._$AH!==C&&(this._$AR(),this._$AH=this.O(C))}_(C){this._$AH!==a&&W(this._$AH)?this._$AA.nextSibling.data=C:this.T(y.createTextNode(C)),this._$AH=C}$(C){let{values:H,_$litType$:V}=C,L=typeof V=="number"?this._$AC(C):(V.el===void 0&&(V.el=U.createElement(d2(V.h,V.h[0]),this.options)),V);if(this._$AH?._$AD===L)this._$AH.p(H);else{let r=new o1(L,this),e=r.u(this.options);r.p(H),this.T(e),this._$AH=r}}_$AC(C){let H=o2.get(C.strings);return H===void 0&&o2.set(C.strings,H=new U(C)),H}k(C){R1(this._$AH)||(this._$AH=[],this._$AR());let H=this._$AH,V,L=0;for(let r of C)L===H.length?H.push(V=new M(this.O(N()),this.O(N()),this,this.options)):V=H[L],V._$AI(r),L++;L<H.length&&(this._$AR(V&&V._$AB.nextSibling,L),H.length=L)}_$AR(C=this._$AA.nextSibling,H){for(this._$AP?.(!1,!0,H);C!==this._$AB;){let V=L2(C).nextSibling;L2(C).remove(),C=V}}setConnected(C){this._$AM===void 0&&(this._$Cv=C,this._$AP?.(C))}},w=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(C,H,V,L,r){this.type=1,this._$AH=a,this._$AN=void 0,this.element=C,this.name=H,this._$AM=L,this.options=r,V.length>2||V[0]!==""||V[1]!==""?(this._$AH=Array(V.length-1).fill(new String),this.strings=V):this._$AH=a}_$AI(C,H=this,V,L){let r=this.strings,e=!1;if(r===void 0)C=b(this,C,H,0),e=!W(C)||C!==this._$AH&&C!==S,e&&(this._$AH=C);else{let o=C,t,A;for(C=r[0],t=0;t<r.length-1;t++)A=b(this,o[V+t],H,t),A===S&&(A=this._$AH[t]),e||=!W(A)||A!==this._$AH[t],A===a?C=a:C!==a&&(C+=(A??"")+r[t+1]),this._$AH[t]=A}e&&!L&&this.j(C)}j(C){C===a?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,C??"")}},a1=class extends w{constructor(){super(...arguments),this.type=3}j(C){this.element[this.name]=C===a?void 0:C}},A1=class extends w{constructor(){super(...arguments),this.type=4}j(C){this.element.toggleAttribute(this.name,!!C&&C!==a)}},d1=class extends w{constructor(C,H,V,L,r){super(C,H,V,L,r),this.type=5}_$AI(C,H=this){if((C=b(this,C,H,0)??a)===S)return;let V=this._$AH,L=C===a&&V!==a||C.capture!==V.capture||C.once!==V.once||C.passive!==V.passive,r=C!==a&&(V===a||L);L&&this.element.removeEventListener(this.name,this,V),r&&this.element.addEventListener(this.name,this,C),this._$AH=C}handleEvent(C){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,C):this._$AH.handleEvent(C)}},p1=class{constructor(C,H,V){this.element=C,this.type=6,this._$AN=void 0,this._$AM=H,this.options=V}get _$AU(){return this._$AM._$AU}_$AI(C){b(this,C)}},m2={M:T1,P:f,A:F1,C:1,L:p2,R:o1,D:a2,V:b,I:B,H:w,N:A1,U:d1,B:a1,F:p1},x5=B1.litHtmlPolyfillSupport;x5?.(U,B),(B1.litHtmlVersions??=[]).push("3.3.3");var n2=(M,C,H)=>{let V=H?.renderBefore??C,L=V._$litPart$;if(L===void 0){let r=H?.renderBefore??null;V._$litPart$=L=new B(C.insertBefore(N(),r),r,void 0,H??{})}return L._$AI(M),L};var D1=globalThis,Z=class extends O{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let C=super.createRenderRoot();return this.renderOptions.renderBefore??=C.firstChild,C}update(C){let H=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(C),this._$Do=n2(H,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return S}};Z._$litElement$=!0,Z.finalized=!0,D1.litElementHydrateSupport?.({LitElement:Z});var s5=D1.litElementPolyfillSupport;s5?.({LitElement:Z});(D1.litElementVersions??=[]).push("4.2.2");var l2="M20,11V13H8L13.5,18.5L12.08,19.92L4.16,12L12.08,4.08L13.5,5.5L8,11H20Z";var v2="M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";var x2="M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z";var s2="M5,20H19V18H5M19,9H15V3H9V9H5L12,16L19,9Z";var Z2="M22 8V11H20V8H4V18H13.78C13.38 18.59 13.13 19.26 13.04 20H4C2.9 20 2 19.11 2 18V6C2 4.89 2.89 4 4 4H10L12 6H20C21.1 6 22 6.89 22 8M18.5 13V18.21C18.19 18.07 17.86 18 17.5 18C16.12 18 15 19.12 15 20.5S16.12 23 17.5 23 20 21.88 20 20.5V15H22V13H18.5Z";var u2="M20,18H4V8H20M20,6H12L10,4H4C2.89,4 2,4.89 2,6V18A2,2 0 0,0 4,20H20A2,2 0 0,0 22,18V8C22,6.89 21.1,6 20,6Z";var S2="M9.5,3A6.5,6.5 0 0,1 16,9.5C16,11.11 15.41,12.59 14.44,13.73L14.71,14H15.5L20.5,19L19,20.5L14,15.5V14.71L13.73,14.44C12.59,15.41 11.11,16 9.5,16A6.5,6.5 0 0,1 3,9.5A6.5,6.5 0 0,1 9.5,3M9.5,5C7,5 5,7 5,9.5C5,12 7,14 9.5,14C12,14 14,12 14,9.5C14,7 12,5 9.5,5Z";var $1="M21,3V15.5A3.5,3.5 0 0,1 17.5,19A3.5,3.5 0 0,1 14,15.5A3.5,3.5 0 0,1 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L9,8.6V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V6L21,3Z";var c2="M16,9H13V14.5A2.5,2.5 0 0,1 10.5,17A2.5,2.5 0 0,1 8,14.5A2.5,2.5 0 0,1 10.5,12C11.07,12 11.58,12.19 12,12.5V7H16M19,3H5A2,2 0 0,0 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V5A2,2 0 0,0 19,3Z";var h2="M12 3V13.55C11.41 13.21 10.73 13 10 13C7.79 13 6 14.79 6 17S7.79 21 10 21 14 19.21 14 17V7H18V3H12Z";var Q="M2,5.27L3.28,4L20,20.72L18.73,22L9,12.27V17.5A3.5,3.5 0 0,1 5.5,21A3.5,3.5 0 0,1 2,17.5A3.5,3.5 0 0,1 5.5,14C6.04,14 6.55,14.12 7,14.34V10.27L2,5.27M21,3V15.5C21,16.5 20.57,17.42 19.88,18.06L14.94,13.12C15.58,12.43 16.5,12 17.5,12C18.04,12 18.55,12.12 19,12.34V6.47L10.17,8.35L7.66,5.84L21,3Z";var O2="M18,6H13A2,2 0 0,0 11,8V10.28C10.41,10.62 10,11.26 10,12A2,2 0 0,0 12,14C13.11,14 14,13.1 14,12C14,11.26 13.6,10.62 13,10.28V8H16V16H8V8H10V6H8L6,6V18H18M20,20H4V4H20M20,2H4A2,2 0 0,0 2,4V20A2,2 0 0,0 4,22H20C21.11,22 22,21.1 22,20V4C22,2.89 21.11,2 20,2Z";var m1="M14,19H18V5H14M6,19H10V5H6V19Z";var f2="M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z";var n1="M8,5.14V19.14L19,12.14L8,5.14Z";var g2="M3 10H14V12H3V10M3 6H14V8H3V6M3 14H10V16H3V14M16 13V21L22 17L16 13Z";var _2="M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z";var k2="M12,4C14.1,4 16.1,4.8 17.6,6.3C20.7,9.4 20.7,14.5 17.6,17.6C15.8,19.5 13.3,20.2 10.9,19.9L11.4,17.9C13.1,18.1 14.9,17.5 16.2,16.2C18.5,13.9 18.5,10.1 16.2,7.7C15.1,6.6 13.5,6 12,6V10.6L7,5.6L12,0.6V4M6.3,17.6C3.7,15 3.3,11 5.1,7.9L6.6,9.4C5.5,11.6 5.9,14.4 7.8,16.2C8.3,16.7 8.9,17.1 9.6,17.4L9,19.4C8,19 7.1,18.4 6.3,17.6Z";var y2="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var b2="M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z";var w2="M12,12A3,3 0 0,0 9,15A3,3 0 0,0 12,18A3,3 0 0,0 15,15A3,3 0 0,0 12,12M12,20A5,5 0 0,1 7,15A5,5 0 0,1 12,10A5,5 0 0,1 17,15A5,5 0 0,1 12,20M12,4A2,2 0 0,1 14,6A2,2 0 0,1 12,8C10.89,8 10,7.1 10,6C10,4.89 10.89,4 12,4M17,2H7C5.89,2 5,2.89 5,4V20A2,2 0 0,0 7,22H17A2,2 0 0,0 19,20V4C19,2.89 18.1,2 17,2Z";var P2="M12,20A7,7 0 0,1 5,13A7,7 0 0,1 12,6A7,7 0 0,1 19,13A7,7 0 0,1 12,20M19.03,7.39L20.45,5.97C20,5.46 19.55,5 19.04,4.56L17.62,6C16.07,4.74 14.12,4 12,4A9,9 0 0,0 3,13A9,9 0 0,0 12,22C17,22 21,17.97 21,13C21,10.88 20.26,8.93 19.03,7.39M11,14H13V8H11M15,1H9V3H15V1Z";var B2="M11 8H13V14H11V8M15 1H9V3H15V1M12 20C8.13 20 5 16.87 5 13S8.13 6 12 6 19 9.13 19 13C19.7 13 20.36 13.13 21 13.35C21 13.23 21 13.12 21 13C21 10.88 20.26 8.93 19.03 7.39L20.45 5.97C20 5.46 19.55 5 19.04 4.56L17.62 6C16.07 4.74 14.12 4 12 4C7.03 4 3 8.03 3 13S7.03 22 12 22C12.59 22 13.16 21.94 13.71 21.83C13.4 21.25 13.18 20.6 13.08 19.91C12.72 19.96 12.37 20 12 20M20 18V15H18V18H15V20H18V23H20V20H23V18H20Z";var T="M6,2H18V8H18V8L14,12L18,16V16H18V22H6V16H6V16L10,12L6,8V8H6V2M16,16.5L12,12.5L8,16.5V20H16V16.5M12,11.5L16,7.5V4H8V7.5L12,11.5M10,6H14V6.75L12,8.75L10,6.75V6Z";var z1="M8 13C6.14 13 4.59 14.28 4.14 16H2V18H4.14C4.59 19.72 6.14 21 8 21S11.41 19.72 11.86 18H22V16H11.86C11.41 14.28 9.86 13 8 13M8 19C6.9 19 6 18.1 6 17C6 15.9 6.9 15 8 15S10 15.9 10 17C10 18.1 9.1 19 8 19M19.86 6C19.41 4.28 17.86 3 16 3S12.59 4.28 12.14 6H2V8H12.14C12.59 9.72 14.14 11 16 11S19.41 9.72 19.86 8H22V6H19.86M16 9C14.9 9 14 8.1 14 7C14 5.9 14.9 5 16 5S18 5.9 18 7C18 8.1 17.1 9 16 9Z";var T2="M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z";var I1="M14,3.23V5.29C16.89,6.15 19,8.83 19,12C19,15.17 16.89,17.84 14,18.7V20.77C18,19.86 21,16.28 21,12C21,7.72 18,4.14 14,3.23M16.5,12C16.5,10.23 15.5,8.71 14,7.97V16C15.5,15.29 16.5,13.76 16.5,12M3,9V15H7L12,20V4L7,9H3Z";var F2="M3,9H7L12,4V20L7,15H3V9M14,11H22V13H14V11Z";var R2="M3,9H7L12,4V20L7,15H3V9M14,11H17V8H19V11H22V13H19V16H17V13H14V11Z";var G="M17.75,4.09L15.22,6.03L16.13,9.09L13.5,7.28L10.87,9.09L11.78,6.03L9.25,4.09L12.44,4L13.5,1L14.56,4L17.75,4.09M21.25,11L19.61,12.25L20.2,14.23L18.5,13.06L16.8,14.23L17.39,12.25L15.75,11L17.81,10.95L18.5,9L19.19,10.95L21.25,11M18.97,15.95C19.8,15.87 20.69,17.05 20.16,17.8C19.84,18.25 19.5,18.67 19.08,19.07C15.17,23 8.84,23 4.94,19.07C1.03,15.17 1.03,8.83 4.94,4.93C5.34,4.53 5.76,4.17 6.21,3.85C6.96,3.32 8.14,4.21 8.06,5.04C7.79,7.9 8.75,10.87 10.95,13.06C13.14,15.26 16.1,16.22 18.97,15.95M17.33,17.97C14.5,17.81 11.7,16.64 9.53,14.5C7.36,12.31 6.2,9.5 6.04,6.68C3.23,9.82 3.34,14.64 6.35,17.66C9.37,20.67 14.19,20.78 17.33,17.97Z";var R={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},K=M=>(...C)=>({_$litDirective$:M,values:C}),F=class{constructor(C){}get _$AU(){return this._$AM._$AU}_$AT(C,H,V){this._$Ct=C,this._$AM=H,this._$Ci=V}_$AS(C,H){return this.update(C,H)}update(C,H){return this.render(...H)}};var{I:Z5}=m2,E2=M=>M;var $2=M=>M.strings===void 0,D2=()=>document.createComment(""),E=(M,C,H)=>{let V=M._$AA.parentNode,L=C===void 0?M._$AB:C._$AA;if(H===void 0){let r=V.insertBefore(D2(),L),e=V.insertBefore(D2(),L);H=new Z5(r,e,M,M.options)}else{let r=H._$AB.nextSibling,e=H._$AM,o=e!==M;if(o){let t;H._$AQ?.(M),H._$AM=M,H._$AP!==void 0&&(t=M._$AU)!==e._$AU&&H._$AP(t)}if(r!==L||o){let t=H._$AA;for(;t!==r;){let A=E2(t).nextSibling;E2(V).insertBefore(t,L),t=A}}}return H},g=(M,C,H=M)=>(M._$AI(C,H),M),u5={},z2=(M,C=u5)=>M._$AH=C,I2=M=>M._$AH,l1=M=>{M._$AR(),M._$AA.remove()};var j=(M,C)=>{let H=M._$AN;if(H===void 0)return!1;for(let V of H)V._$AO?.(C,!1),j(V,C);return!0},v1=M=>{let C,H;do{if((C=M._$AM)===void 0)break;H=C._$AN,H.delete(M),M=C}while(H?.size===0)},N2=M=>{for(let C;C=M._$AM;M=C){let H=C._$AN;if(H===void 0)C._$AN=H=new Set;else if(H.has(M))break;H.add(M),h5(C)}};function S5(M){this._$AN!==void 0?(v1(this),this._$AM=M,N2(this)):this._$AM=M}function c5(M,C=!1,H=0){let V=this._$AH,L=this._$AN;if(L!==void 0&&L.size!==0)if(C)if(Array.isArray(V))for(let r=H;r<V.length;r++)j(V[r],!1),v1(V[r]);else V!=null&&(j(V,!1),v1(V));else j(this,M)}var h5=M=>{M.type==R.CHILD&&(M._$AP??=c5,M._$AQ??=S5)},x1=class extends F{constructor(){super(...arguments),this._$AN=void 0}_$AT(C,H,V){super._$AT(C,H,V),N2(this),this.isConnected=C._$AU}_$AO(C,H=!0){C!==this.isConnected&&(this.isConnected=C,C?this.reconnected?.():this.disconnected?.()),H&&(j(this,C),v1(this))}setValue(C){if($2(this._$Ct))this._$Ct._$AI(C,this);else{let H=[...this._$Ct._$AH];H[this._$Ci]=C,this._$Ct._$AI(H,this,0)}}disconnected(){}reconnected(){}};var W2=(M,C,H)=>{let V=new Map;for(let L=C;L<=H;L++)V.set(M[L],L);return V},U2=K(class extends F{constructor(M){if(super(M),M.type!==R.CHILD)throw Error("repeat() can only be used in text expressions")}dt(M,C,H){let V;H===void 0?H=C:C!==void 0&&(V=C);let L=[],r=[],e=0;for(let o of M)L[e]=V?V(o,e):e,r[e]=H(o,e),e++;return{values:r,keys:L}}render(M,C,H){return this.dt(M,C,H).values}update(M,[C,H,V]){let L=I2(M),{values:r,keys:e}=this.dt(C,H,V);if(!Array.isArray(L))return this.ut=e,r;let o=this.ut??=[],t=[],A,p,d=0,n=L.length-1,m=0,l=r.length-1;for(;d<=n&&m<=l;)if(L[d]===null)d++;else if(L[n]===null)n--;else if(o[d]===e[m])t[m]=g(L[d],r[m]),d++,m++;else if(o[n]===e[l])t[l]=g(L[n],r[l]),n--,l--;else if(o[d]===e[l])t[l]=g(L[d],r[l]),E(M,t[l+1],L[d]),d++,l--;else if(o[n]===e[m])t[m]=g(L[n],r[m]),E(M,L[d],L[n]),n--,m++;else if(A===void 0&&(A=W2(e,m,l),p=W2(o,d,n)),A.has(o[d]))if(A.has(o[n])){let u=p.get(e[m]),D=u!==void 0?L[u]:null;if(D===null){let c=E(M,L[d]);g(c,r[m]),t[m]=c}else t[m]=g(D,r[m]),E(M,L[d],D),L[u]=null;m++}else l1(L[n]),n--;else l1(L[d]),d++;for(;m<=l;){let u=E(M,t[l+1]);g(u,r[m]),t[m++]=u}for(;d<=n;){let u=L[d++];u!==null&&l1(u)}return this.ut=e,z2(M,t),S}});var q=class M extends Event{constructor(C){super(M.eventName,{bubbles:!1}),this.first=C.first,this.last=C.last}};q.eventName="rangeChanged";var X=class M extends Event{constructor(C){super(M.eventName,{bubbles:!1}),this.first=C.first,this.last=C.last}};X.eventName="visibilityChanged";var Y=class M extends Event{constructor(){super(M.eventName,{bubbles:!1})}};Y.eventName="unpinned";var N1=class{constructor(C){this._element=null;let H=C??window;this._node=H,C&&(this._element=C)}get element(){return this._element||document.scrollingElement||document.documentElement}get scrollTop(){return this.element.scrollTop||window.scrollY}get scrollLeft(){return this.element.scrollLeft||window.scrollX}get scrollHeight(){return this.element.scrollHeight}get scrollWidth(){return this.element.scrollWidth}get viewportHeight(){return this._element?this._element.getBoundingClientRect().height:window.innerHeight}get viewportWidth(){return this._element?this._element.getBoundingClientRect().width:window.innerWidth}get maxScrollTop(){return this.scrollHeight-this.viewportHeight}get maxScrollLeft(){return this.scrollWidth-this.viewportWidth}},s1=class extends N1{constructor(C,H){super(H),this._clients=new Set,this._retarget=null,this._end=null,this.__destination=null,this.correctingScrollError=!1,this._checkForArrival=this._checkForArrival.bind(this),this._updateManagedScrollTo=this._updateManagedScrollTo.bind(this),this.scrollTo=this.scrollTo.bind(this),this.scrollBy=this.scrollBy.bind(this);let V=this._node;this._originalScrollTo=V.scrollTo,this._originalScrollBy=V.scrollBy,this._originalScroll=V.scroll,this._attach(C)}get _destination(){return this.__destination}get scrolling(){return this._destination!==null}scrollTo(C,H){let V=typeof C=="number"&&typeof H=="number"?{left:C,top:H}:C;this._scrollTo(V)}scrollBy(C,H){let V=typeof C=="number"&&typeof H=="number"?{left:C,top:H}:C;V.top!==void 0&&(V.top+=this.scrollTop),V.left!==void 0&&(V.left+=this.scrollLeft),this._scrollTo(V)}_nativeScrollTo(C){this._originalScrollTo.bind(this._element||window)(C)}_scrollTo(C,H=null,V=null){this._end!==null&&this._end(),C.behavior==="smooth"?(this._setDestination(C),this._retarget=H,this._end=V):this._resetScrollState(),this._nativeScrollTo(C)}_setDestination(C){let{top:H,left:V}=C;return H=H===void 0?void 0:Math.max(0,Math.min(H,this.maxScrollTop)),V=V===void 0?void 0:Math.max(0,Math.min(V,this.maxScrollLeft)),this._destination!==null&&V===this._destination.left&&H===this._destination.top?!1:(this.__destination={top:H,left:V,behavior:"smooth"},!0)}_resetScrollState(){this.__destination=null,this._retarget=null,this._end=null}_updateManagedScrollTo(C){this._destination&&this._setDestination(C)&&this._nativeScrollTo(this._destination)}managedScrollTo(C,H,V){return this._scrollTo(C,H,V),this._updateManagedScrollTo}correctScrollError(C){this.correctingScrollError=!0,requestAnimationFrame(()=>requestAnimationFrame(()=>this.correctingScrollError=!1)),this._nativeScrollTo(C),this._retarget&&this._setDestination(this._retarget()),this._destination&&this._nativeScrollTo(this._destination)}_checkForArrival(){if(this._destination!==null){let{scrollTop:C,scrollLeft:H}=this,{top:V,left:L}=this._destination;V=Math.min(V||0,this.maxScrollTop),L=Math.min(L||0,this.maxScrollLeft);let r=Math.abs(V-C),e=Math.abs(L-H);r<1&&e<1&&(this._end&&this._end(),this._resetScrollState())}}detach(C){return this._clients.delete(C),this._clients.size===0&&(this._node.scrollTo=this._originalScrollTo,this._node.scrollBy=this._originalScrollBy,this._node.scroll=this._originalScroll,this._node.removeEventListener("scroll",this._checkForArrival)),null}_attach(C){this._clients.add(C),this._clients.size===1&&(this._node.scrollTo=this.scrollTo,this._node.scrollBy=this.scrollBy,this._node.scroll=this.scrollTo,this._node.addEventListener("scroll",this._checkForArrival))}};var X2=typeof window<"u"?window.ResizeObserver:void 0;var C5=Symbol("virtualizerRef"),S1="virtualizer-sizer",Y2,h1=class{constructor(C){if(this._benchmarkStart=null,this._layout=null,this._clippingAncestors=[],this._scrollSize=null,this._scrollError=null,this._childrenPos=null,this._childMeasurements=null,this._toBeMeasured=new Map,this._rangeChanged=!0,this._itemsChanged=!0,this._visibilityChanged=!0,this._scrollerController=null,this._isScroller=!1,this._sizer=null,this._hostElementRO=null,this._childrenRO=null,this._mutationObserver=null,this._scrollEventListeners=[],this._scrollEventListenerOptions={passive:!0},this._loadListener=this._childLoaded.bind(this),this._scrollIntoViewTarget=null,this._updateScrollIntoViewCoordinates=null,this._items=[],this._first=-1,this._last=-1,this._firstVisible=-1,this._lastVisible=-1,this._scheduled=new WeakSet,this._measureCallback=null,this._measureChildOverride=null,this._layoutCompletePromise=null,this._layoutCompleteResolver=null,this._layoutCompleteRejecter=null,this._pendingLayoutComplete=null,this._layoutInitialized=null,this._connected=!1,!C)throw new Error("Virtualizer constructor requires a configuration object");if(C.hostElement)this._init(C);else throw new Error('Virtualizer configuration requires the "hostElement" property')}set items(C){Array.isArray(C)&&C!==this._items&&(this._itemsChanged=!0,this._items=C,this._schedule(this._updateLayout))}_init(C){this._isScroller=!!C.scroller,this._initHostElement(C);let H=C.layout||{};this._layoutInitialized=this._initLayout(H)}_initObservers(){this._mutationObserver=new MutationObserver(this._finishDOMUpdate.bind(this)),this._hostElementRO=new X2(()=>this._hostElementSizeChanged()),this._childrenRO=new X2(this._childrenSizeChanged.bind(this))}_initHostElement(C){let H=this._hostElement=C.hostElement;this._applyVirtualizerStyles(),H[C5]=this}connected(){this._initObservers();let C=this._isScroller;this._clippingAncestors=b5(this._hostElement,C),this._scrollerController=new s1(this,this._clippingAncestors[0]),this._schedule(this._updateLayout),this._observeAndListen(),this._connected=!0}_observeAndListen(){this._mutationObserver.observe(this._hostElement,{childList:!0}),this._hostElementRO.observe(this._hostElement),this._scrollEventListeners.push(window),window.addEventListener("scroll",this,this._scrollEventListenerOptions),this._clippingAncestors.forEach(C=>{C.addEventListener("scroll",this,this._scrollEventListenerOptions),this._scrollEventListeners.push(C),this._hostElementRO.observe(C)}),this._hostElementRO.observe(this._scrollerController.element),this._children.forEach(C=>this._childrenRO.observe(C)),this._scrollEventListeners.forEach(C=>C.addEventListener("scroll",this,this._scrollEventListenerOptions))}disconnected(){this._scrollEventListeners.forEach(C=>C.removeEventListener("scroll",this,this._scrollEventListenerOptions)),this._scrollEventListeners=[],this._clippingAncestors=[],this._scrollerController?.detach(this),this._scrollerController=null,this._mutationObserver?.disconnect(),this._mutationObserver=null,this._hostElementRO?.disconnect(),this._hostElementRO=null,this._childrenRO?.disconnect(),this._childrenRO=null,this._rejectLayoutCompletePromise("disconnected"),this._connected=!1}_applyVirtualizerStyles(){let H=this._hostElement.style;H.display=H.display||"block",H.position=H.position||"relative",H.contain=H.contain||"size layout",this._isScroller&&(H.overflow=H.overflow||"auto",H.minHeight=H.minHeight||"150px")}_getSizer(){let C=this._hostElement;if(!this._sizer){let H=C.querySelector(`[${S1}]`);H||(H=document.createElement("div"),H.setAttribute(S1,""),C.appendChild(H)),Object.assign(H.style,{position:"absolute",margin:"-2px 0 0 0",padding:0,visibility:"hidden",fontSize:"2px"}),H.textContent="&nbsp;",H.setAttribute(S1,""),this._sizer=H}return this._sizer}async updateLayoutConfig(C){await this._layoutInitialized;let H=C.type||Y2;if(typeof H=="function"&&this._layout instanceof H){let V={...C};return delete V.type,this._layout.config=V,!0}return!1}async _initLayout(C){let H,V;if(typeof C.type=="function"){V=C.type;let L={...C};delete L.type,H=L}else H=C;V===void 0&&(Y2=V=(await Promise.resolve().then(()=>(q2(),j2))).FlowLayout),this._layout=new V(L=>this._handleLayoutMessage(L),H),this._layout.measureChildren&&typeof this._layout.updateItemSizes=="function"&&(typeof this._layout.measureChildren=="function"&&(this._measureChildOverride=this._layout.measureChildren),this._measureCallback=this._layout.updateItemSizes.bind(this._layout)),this._layout.listenForChildLoadEvents&&this._hostElement.addEventListener("load",this._loadListener,!0),this._schedule(this._updateLayout)}startBenchmarking(){this._benchmarkStart===null&&(this._benchmarkStart=window.performance.now())}stopBenchmarking(){if(this._benchmarkStart!==null){let C=window.performance.now(),H=C-this._benchmarkStart,L=performance.getEntriesByName("uv-virtualizing","measure").filter(r=>r.startTime>=this._benchmarkStart&&r.startTime<C).reduce((r,e)=>r+e.duration,0);return this._benchmarkStart=null,{timeElapsed:H,virtualizationTime:L}}return null}_measureChildren(){let C={},H=this._children,V=this._measureChildOverride||this._measureChild;for(let L=0;L<H.length;L++){let r=H[L],e=this._first+L;(this._itemsChanged||this._toBeMeasured.has(r))&&(C[e]=V.call(this,r,this._items[e]))}this._childMeasurements=C,this._schedule(this._updateLayout),this._toBeMeasured.clear()}_measureChild(C){let{width:H,height:V}=C.getBoundingClientRect();return Object.assign({width:H,height:V},k5(C))}async _schedule(C){this._scheduled.has(C)||(this._scheduled.add(C),await Promise.resolve(),this._scheduled.delete(C),C.call(this))}async _updateDOM(C){this._scrollSize=C.scrollSize,this._adjustRange(C.range),this._childrenPos=C.childPositions,this._scrollError=C.scrollError||null;let{_rangeChanged:H,_itemsChanged:V}=this;this._visibilityChanged&&(this._notifyVisibility(),this._visibilityChanged=!1),(H||V)&&(this._notifyRange(),this._rangeChanged=!1),this._finishDOMUpdate()}_finishDOMUpdate(){this._connected&&(this._children.forEach(C=>this._childrenRO.observe(C)),this._checkScrollIntoViewTarget(this._childrenPos),this._positionChildren(this._childrenPos),this._sizeHostElement(this._scrollSize),this._correctScrollError(),this._benchmarkStart&&"mark"in window.performance&&window.performance.mark("uv-end"))}_updateLayout(){this._layout&&this._connected&&(this._layout.items=this._items,this._updateView(),this._childMeasurements!==null&&(this._measureCallback&&this._measureCallback(this._childMeasurements),this._childMeasurements=null),this._layout.reflowIfNeeded(),this._benchmarkStart&&"mark"in window.performance&&window.performance.mark("uv-end"))}_handleScrollEvent(){if(this._benchmarkStart&&"mark"in window.performance){try{window.performance.measure("uv-virtualizing","uv-start","uv-end")}catch(C){console.warn("Error measuring performance data: ",C)}window.performance.mark("uv-start")}this._scrollerController.correctingScrollError===!1&&this._layout?.unpin(),this._schedule(this._updateLayout)}handleEvent(C){C.type==="scroll"?(C.currentTarget===window||this._clippingAncestors.includes(C.currentTarget))&&this._handleScrollEvent():console.warn("event not handled",C)}_handleLayoutMessage(C){C.type==="stateChanged"?this._updateDOM(C):C.type==="visibilityChanged"?(this._firstVisible=C.firstVisible,this._lastVisible=C.lastVisible,this._notifyVisibility()):C.type==="unpinned"&&this._hostElement.dispatchEvent(new Y)}get _children(){let C=[],H=this._hostElement.firstElementChild;for(;H;)H.hasAttribute(S1)||C.push(H),H=H.nextElementSibling;return C}_updateView(){let C=this._hostElement,H=this._scrollerController?.element,V=this._layout;if(C&&H&&V){let L,r,e,o,t=C.getBoundingClientRect();L=0,r=0,e=window.innerHeight,o=window.innerWidth;let A=this._clippingAncestors.map(c=>c.getBoundingClientRect());A.unshift(t);for(let c of A)L=Math.max(L,c.top),r=Math.max(r,c.left),e=Math.min(e,c.bottom),o=Math.min(o,c.right);let p=H.getBoundingClientRect(),d={left:t.left-p.left,top:t.top-p.top},n={width:H.scrollWidth,height:H.scrollHeight},m=L-t.top+C.scrollTop,l=r-t.left+C.scrollLeft,u=Math.max(0,e-L),D=Math.max(0,o-r);V.viewportSize={width:D,height:u},V.viewportScroll={top:m,left:l},V.totalScrollSize=n,V.offsetWithinScroller=d}}_sizeHostElement(C){let V=C&&C.width!==null?Math.min(82e5,C.width):0,L=C&&C.height!==null?Math.min(82e5,C.height):0;if(this._isScroller)this._getSizer().style.transform=`translate(${V}px, ${L}px)`;else{let r=this._hostElement.style;r.minWidth=V?`${V}px`:"100%",r.minHeight=L?`${L}px`:"100%"}}_positionChildren(C){C&&C.forEach(({top:H,left:V,width:L,height:r,xOffset:e,yOffset:o},t)=>{let A=this._children[t-this._first];A&&(A.style.position="absolute",A.style.boxSizing="border-box",A.style.transform=`translate(${V}px, ${H}px)`,L!==void 0&&(A.style.width=L+"px"),r!==void 0&&(A.style.height=r+"px"),A.style.left=e===void 0?null:e+"px",A.style.top=o===void 0?null:o+"px")})}async _adjustRange(C){let{_first:H,_last:V,_firstVisible:L,_lastVisible:r}=this;this._first=C.first,this._last=C.last,this._firstVisible=C.firstVisible,this._lastVisible=C.lastVisible,this._rangeChanged=this._rangeChanged||this._first!==H||this._last!==V,this._visibilityChanged=this._visibilityChanged||this._firstVisible!==L||this._lastVisible!==r}_correctScrollError(){if(this._scrollError){let{scrollTop:C,scrollLeft:H}=this._scrollerController,{top:V,left:L}=this._scrollError;this._scrollError=null,this._scrollerController.correctScrollError({top:C-V,left:H-L})}}element(C){return C===1/0&&(C=this._items.length-1),this._items?.[C]===void 0?void 0:{scrollIntoView:(H={})=>this._scrollElementIntoView({...H,index:C})}}_scrollElementIntoView(C){if(C.index>=this._first&&C.index<=this._last)this._children[C.index-this._first].scrollIntoView(C);else if(C.index=Math.min(C.index,this._items.length-1),C.behavior==="smooth"){let H=this._layout.getScrollIntoViewCoordinates(C),{behavior:V}=C;this._updateScrollIntoViewCoordinates=this._scrollerController.managedScrollTo(Object.assign(H,{behavior:V}),()=>this._layout.getScrollIntoViewCoordinates(C),()=>this._scrollIntoViewTarget=null),this._scrollIntoViewTarget=C}else this._layout.pin=C}_checkScrollIntoViewTarget(C){let{index:H}=this._scrollIntoViewTarget||{};H&&C?.has(H)&&this._updateScrollIntoViewCoordinates(this._layout.getScrollIntoViewCoordinates(this._scrollIntoViewTarget))}_notifyRange(){this._hostElement.dispatchEvent(new q({first:this._first,last:this._last}))}_notifyVisibility(){this._hostElement.dispatchEvent(new X({first:this._firstVisible,last:this._lastVisible}))}get layoutComplete(){return this._layoutCompletePromise||(this._layoutCompletePromise=new Promise((C,H)=>{this._layoutCompleteResolver=C,this._layoutCompleteRejecter=H})),this._layoutCompletePromise}_rejectLayoutCompletePromise(C){this._layoutCompleteRejecter!==null&&this._layoutCompleteRejecter(C),this._resetLayoutCompleteState()}_scheduleLayoutComplete(){this._layoutCompletePromise&&this._pendingLayoutComplete===null&&(this._pendingLayoutComplete=requestAnimationFrame(()=>requestAnimationFrame(()=>this._resolveLayoutCompletePromise())))}_resolveLayoutCompletePromise(){this._layoutCompleteResolver!==null&&this._layoutCompleteResolver(),this._resetLayoutCompleteState()}_resetLayoutCompleteState(){this._layoutCompletePromise=null,this._layoutCompleteResolver=null,this._layoutCompleteRejecter=null,this._pendingLayoutComplete=null}_hostElementSizeChanged(){this._schedule(this._updateLayout)}_childLoaded(){}_childrenSizeChanged(C){if(this._layout?.measureChildren){for(let H of C)this._toBeMeasured.set(H.target,H.contentRect);this._measureChildren()}this._scheduleLayoutComplete(),this._itemsChanged=!1,this._rangeChanged=!1}};function k5(M){let C=window.getComputedStyle(M);return{marginTop:c1(C.marginTop),marginRight:c1(C.marginRight),marginBottom:c1(C.marginBottom),marginLeft:c1(C.marginLeft)}}function c1(M){let C=M?parseFloat(M):NaN;return Number.isNaN(C)?0:C}function J2(M){if(M.assignedSlot!==null)return M.assignedSlot;if(M.parentElement!==null)return M.parentElement;let C=M.parentNode;return C&&C.nodeType===Node.DOCUMENT_FRAGMENT_NODE&&C.host||null}function y5(M,C=!1){let H=[],V=C?M:J2(M);for(;V!==null;)H.push(V),V=J2(V);return H}function b5(M,C=!1){let H=!1;return y5(M,C).filter(V=>{if(H)return!1;let L=getComputedStyle(V);return H=L.position==="fixed",L.overflow!=="visible"})}var w5=M=>M,P5=(M,C)=>i`${C}: ${JSON.stringify(M,null,2)}`,Q1=class extends x1{constructor(C){if(super(C),this._virtualizer=null,this._first=0,this._last=-1,this._renderItem=(H,V)=>P5(H,V+this._first),this._keyFunction=(H,V)=>w5(H,V+this._first),this._items=[],C.type!==R.CHILD)throw new Error("The virtualize directive can only be used in child expressions")}render(C){C&&this._setFunctions(C);let H=[];if(this._first>=0&&this._last>=this._first)for(let V=this._first;V<=this._last;V++)H.push(this._items[V]);return U2(H,this._keyFunction,this._renderItem)}update(C,[H]){this._setFunctions(H);let V=this._items!==H.items;return this._items=H.items||[],this._virtualizer?this._updateVirtualizerConfig(C,H):this._initialize(C,H),V?S:this.render()}async _updateVirtualizerConfig(C,H){if(!await this._virtualizer.updateLayoutConfig(H.layout||{})){let L=C.parentNode;this._makeVirtualizer(L,H)}this._virtualizer.items=this._items}_setFunctions(C){let{renderItem:H,keyFunction:V}=C;H&&(this._renderItem=(L,r)=>H(L,r+this._first)),V&&(this._keyFunction=(L,r)=>V(L,r+this._first))}_makeVirtualizer(C,H){this._virtualizer&&this._virtualizer.disconnected();let{layout:V,scroller:L,items:r}=H;this._virtualizer=new h1({hostElement:C,layout:V,scroller:L}),this._virtualizer.items=r,this._virtualizer.connected()}_initialize(C,H){let V=C.parentNode;V&&V.nodeType===1&&(V.addEventListener("rangeChanged",L=>{this._first=L.first,this._last=L.last,this.setValue(this.render())}),this._makeVirtualizer(V,H))}disconnected(){this._virtualizer?.disconnected()}reconnected(){this._virtualizer?.connected()}},H5=K(Q1);async function O1(){if(customElements.get("ha-form"))return;let M=window.loadCardHelpers;M&&await M();for(let C of["hui-tile-card","hui-button-card","hui-entities-card"]){let H=customElements.get(C);if(H?.getConfigElement&&(await H.getConfigElement(),customElements.get("ha-form")))return}await customElements.whenDefined("ha-form")}var x="nfc_jukebox",B5=["selector","config_subentries","exceptions"];async function f1(M){let C=M.localize;for(let H of B5)C=await M.loadBackendTranslation(H,x);return C}function g1(M,C){return(H,V)=>M.localize(H,V)||C?.(H,V)||""}function s(M,C,H){return M(`component.${x}.selector.card.options.${C}`,H)}function v(M,C,H){return M(`component.${x}.${C}`,H)}var T5=[{name:"entry_id",selector:{config_entry:{integration:x}}},{name:"kids",selector:{boolean:{}}}],F5={entry_id:"reader",kids:"kids"},_1=class extends Z{setConfig(C){this._config=C}connectedCallback(){super.connectedCallback(),O1().then(async()=>{this.hass&&(this._loaded=await f1(this.hass))})}render(){if(!this.hass||!this._config||!this._loaded)return a;let C=g1(this.hass,this._loaded);return i`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${T5}
      .computeLabel=${H=>s(C,F5[H.name]??H.name)}
      .computeHelper=${H=>H.name==="kids"?s(C,"kids_help"):""}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(C){C.stopPropagation();let H={...C.detail.value};H.entry_id||delete H.entry_id,H.kids||delete H.kids,this._config=H,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:H},bubbles:!0,composed:!0}))}};_1.properties={hass:{attribute:!1},_config:{state:!0},_loaded:{state:!0}};customElements.define("nfc-jukebox-card-editor",_1);var G1="playback",H1="reader",V5=2,L5=3,M5=5,K1="media",r5={podcast:"feed",radio:"stream"},R5=M=>[{name:"uid",required:!0,selector:{text:{}}},{name:"name",required:!0,selector:{text:{}}},{name:K1,selector:{media:{}}},{name:"feed",selector:{text:{type:"url"}}},{name:"stream",selector:{text:{type:"url"}}},{name:"play_on",required:!0,selector:{select:{options:M,mode:"dropdown"}}},{name:G1,type:"expandable",flatten:!1,schema:[{name:"order",selector:{select:{options:["in_order","shuffle","day_of_month","daily"],translation_key:"order",mode:"dropdown"}}},{name:"month",selector:{number:{min:1,max:12,step:1,mode:"box"}}},{name:"outside_track",selector:{number:{min:1,max:9999,step:1,mode:"box"}}},{name:"repeat",selector:{select:{options:["off","one","all"],translation_key:"repeat",mode:"dropdown"}}},{name:"volume",selector:{number:{min:0,max:100,step:1,mode:"box",unit_of_measurement:"%"}}},{name:"on_remove",selector:{select:{options:["inherit","pause","stop","nothing"],translation_key:"tag_on_remove",mode:"dropdown"}}},{name:"mode",selector:{select:{options:["music","audiobook","start_over"],translation_key:"mode",mode:"dropdown"}}},{name:"bedtime",selector:{boolean:{}}},{name:"episodes",selector:{select:{options:["newest","next","first"],translation_key:"episodes",mode:"dropdown"}}},{name:"keep_episodes",selector:{number:{min:1,max:50,step:1,mode:"box"}}},{name:"keep_mb",selector:{number:{min:10,max:2e4,step:10,mode:"box"}}}]}],j1={order:"in_order",repeat:"off",on_remove:"inherit",mode:"music",bedtime:!1,episodes:"newest"},P="config_subentries.tag.step.user",E5="media-source://media_source",D5=M=>M.can_play&&!M.can_expand,C1=class extends Z{constructor(){super();this._openFolders=async()=>{this._folders=[],await this._openFolder(void 0,"")};this._label=H=>H.name===G1?v(this.localize,`${P}.sections.playback.name`):H.name===K1?"":v(this.localize,`${P}.data.${H.name}`)||v(this.localize,`${P}.sections.playback.data.${H.name}`);this._helper=H=>H.name===G1?"":H.name==="play_on"?s(this.localize,"play_on_help"):v(this.localize,`${P}.data_description.${H.name}`)||v(this.localize,`${P}.sections.playback.data_description.${H.name}`);this._ready=!1}connectedCallback(){super.connectedCallback(),O1().then(()=>{this._ready=!0})}render(){if(!this._ready)return a;let H=this._data??this.initial,V=this.errors?.base,L=R5(this._speakers());return i`<div class="form">
      <div class="form-title">
        ${v(this.localize,`config_subentries.tag.step.${this.isNew?"user":"reconfigure"}.title`)}
      </div>
      ${V?i`<ha-alert alert-type="error">${this._error(V)}</ha-alert>`:a}
      ${this.failure?i`<ha-alert alert-type="error">${this.failure}</ha-alert>`:a}
      ${this._form(H,L.slice(0,V5))}
      <div class="section-title">${this._musicLabel()}</div>
      ${this._form(H,L.slice(V5,L5))}
      ${this._folders?this._renderFolders(this._folders):this._renderFolderButton()}
      ${this._form(H,L.slice(L5,M5))}
      ${this._form(H,L.slice(M5))}
      <div class="buttons">
        <ha-button appearance="plain" @click=${this._cancel}>${s(this.localize,"cancel")}</ha-button>
        <ha-button
          .disabled=${!H.uid||!H.name||!(H.media?.media_content_id||H.feed||H.stream)}
          @click=${this._submit}
          >${s(this.localize,"save")}</ha-button
        >
      </div>
    </div>`}_speakers(){let H=Object.values(this.hass.states).filter(V=>V?.entity_id.startsWith("media_player.")).map(V=>({value:V.entity_id,label:V.attributes.friendly_name??V.entity_id})).sort((V,L)=>V.label.localeCompare(L.label));return[{value:H1,label:s(this.localize,"this_readers_speaker")},...H]}_form(H,V){return i`<ha-form
      .hass=${this.hass}
      .data=${H}
      .schema=${V}
      .error=${this.errors}
      .computeLabel=${this._label}
      .computeHelper=${this._helper}
      .computeError=${L=>this._error(L)}
      .localizeValue=${L=>v(this.localize,`selector.${L}`)}
      @value-changed=${L=>{this._data={...this._data??this.initial,...L.detail.value}}}
    ></ha-form>`}_renderFolderButton(){return i`<div class="folder-row">
      <ha-button appearance="plain" size="s" @click=${this._openFolders}>
        <ha-svg-icon slot="start" .path=${Z2}></ha-svg-icon>
        ${v(this.localize,`${P}.data.pick_folder`)}
      </ha-button>
    </div>`}_renderFolders(H){let V=H[H.length-1],L=V?.item.children??[],r=L.filter(t=>t.can_expand),e=L.filter(D5).length,o=H.length>1;return i`<div class="folders" role="group" aria-label=${this._pickFolderLabel()}>
      <div class="folders-head">
        ${H.length>1?i`<ha-icon-button
              .path=${l2}
              .label=${s(this.localize,"back")}
              @click=${()=>this._folders=H.slice(0,-1)}
            ></ha-icon-button>`:a}
        <div class="folders-title">
          <div>${o&&V?V.path:this._pickFolderLabel()}</div>
          ${o?i`<div class="secondary">${s(this.localize,"folder_tracks",{count:e})}</div>`:a}
        </div>
      </div>
      ${this._folderError?i`<ha-alert alert-type="error">${this._folderError}</ha-alert>`:a}
      ${V&&!o&&r.length===0?i`<div class="secondary empty">${this._error("no_folders")}</div>`:a}
      <div class="folder-list">
        ${r.map(t=>i`<button
            class="folder"
            type="button"
            @click=${()=>{this._openFolder(t,V?.path??"")}}
          >
            <ha-svg-icon .path=${u2}></ha-svg-icon>
            <span>${t.title}</span>
            <ha-svg-icon class="chevron" .path=${v2}></ha-svg-icon>
          </button>`)}
      </div>
      <div class="buttons">
        <ha-button appearance="plain" @click=${()=>this._folders=void 0}
          >${s(this.localize,"cancel")}</ha-button
        >
        <ha-button .disabled=${!o||e===0} @click=${()=>this._useFolder(V)}
          >${s(this.localize,"use_folder")}</ha-button
        >
      </div>
    </div>`}_pickFolderLabel(){return v(this.localize,"config_subentries.tag.step.folder.title")}async _openFolder(H,V){this._folderError=void 0;try{let L=await this.hass.callWS({type:"media_source/browse_media",media_content_id:H?.media_content_id??E5}),r=this._folders??[],e=H?V?`${V} / ${L.title}`:L.title:"";this._folders=[...r,{item:L,path:e}]}catch(L){this._folderError=L.message??String(L)}}_useFolder(H){if(!H)return;let V=this._data??this.initial;this._data={...V,media:{entity_id:V.media?.entity_id??"",media_content_id:H.item.media_content_id,media_content_type:H.item.media_content_type||"directory",metadata:{title:H.path,media_class:"directory"}}},this._folders=void 0}_musicLabel(){return v(this.localize,`${P}.data.${K1}`)}_error(H){return v(this.localize,`config_subentries.tag.error.${H}`,this.placeholders)||H}_cancel(){this.dispatchEvent(new CustomEvent("chip-cancel"))}_submit(){let H=this._data??this.initial;this.errors=void 0,this.failure=void 0;let V={uid:H.uid,name:H.name,playback:H.playback??{}};H.media&&(V.media=H.media),H.feed&&(V.feed=H.feed),H.stream&&(V.stream=H.stream),H.play_on&&H.play_on!==H1&&(V.play_on=H.play_on),this.dispatchEvent(new CustomEvent("chip-save",{detail:V}))}};C1.properties={hass:{attribute:!1},localize:{attribute:!1},initial:{attribute:!1},isNew:{attribute:!1},errors:{attribute:!1},placeholders:{attribute:!1},failure:{attribute:!1},_data:{state:!0},_ready:{state:!0},_folders:{state:!0},_folderError:{state:!0}},C1.styles=h`
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
  `;customElements.define("nfc-jukebox-chip-form",C1);var $5={off:Q,quiet_hours:G,limit:T},V1=class extends Z{_t(C,H){return s(this.localize,C,H)}willUpdate(C){let H=C.get("hass"),V=this.reader?.speaker;H&&V&&H.states[V]?.state!==this.hass.states[V]?.state&&(this._refused=void 0,this._failure=void 0)}get _why(){let C=this.reader.rules;if(this.reader.chip?.blocked)return this.reader.chip.blocked;if(this._refused)return this._refused;if(C&&!C.jukebox_on)return"off";if(C&&C.minutes_left!==null&&C.minutes_left<=0)return"limit"}render(){if(!this.hass||!this.reader||!this.localize)return a;let C=this.reader.speaker?this.hass.states[this.reader.speaker]:void 0,H=C?.state==="playing",V=!!C&&["playing","paused","buffering"].includes(C.state),L=V?C.attributes.entity_picture:void 0,r=V&&C.attributes.media_title||this._t("kids_put_chip"),e=this._why,o=V&&!!this.reader.rules;return i`<div class="kids">
      <div
        class="artwork ${L?"":"empty"}"
        role="img"
        aria-label=${r}
        style=${L?`background-image:url(${JSON.stringify(L)})`:""}
      >
        ${L?a:i`<ha-svg-icon .path=${h2}></ha-svg-icon>`}
      </div>
      <div class="side">
        <div class="title">${r}</div>
        ${e?i`<div class="why ${e}" role="status" data-refused=${this._refused??""}>
              <ha-svg-icon .path=${$5[e]}></ha-svg-icon>${this._t(`blocked_${e}`)}
            </div>`:a}
        ${this._failure?i`<div class="why failure" role="alert">${this._failure}</div>`:a}
        <div class="transport">
          ${this._button("previous",b2,this._t("kids_previous"),!o)}
          ${this._button("play_pause",H?m1:n1,this._t(H?"kids_pause":"kids_play"),!o,"main")}
          ${this._button("next",y2,this._t("kids_next"),!o)}
        </div>
        ${this._renderVolume(C?.attributes.volume_level,V)}
        ${this.reader.rules?.minutes_left!=null&&this.reader.rules.minutes_left>0?i`<div class="left">
              <ha-svg-icon .path=${T}></ha-svg-icon>${this._t("minutes_left",{minutes:this.reader.rules.minutes_left})}
            </div>`:a}
      </div>
    </div>`}_renderVolume(C,H){let[V,L]=this.reader.rules?.volume??[0,this.reader.max_volume],r=C===void 0?V:Math.round(C*100),e=L>V?Math.min(1,Math.max(0,(r-V)/(L-V))):1,o=!H||C===void 0;return i`<div class="volume">
      ${this._button("volume_down",F2,this._t("kids_quieter"),o||r<=V)}
      <div
        class="meter"
        role="meter"
        aria-label=${this._t("kids_volume")}
        aria-valuemin=${V}
        aria-valuemax=${L}
        aria-valuenow=${r}
      >
        <div class="fill" style="width:${Math.round(e*100)}%"></div>
      </div>
      ${this._button("volume_up",R2,this._t("kids_louder"),o||r>=L)}
    </div>`}_button(C,H,V,L,r=""){return i`<button
      class="press ${r}"
      data-button=${C}
      aria-label=${V}
      title=${V}
      ?disabled=${L}
      @click=${()=>this._press(C)}
    >
      <ha-svg-icon .path=${H}></ha-svg-icon>
    </button>`}async _press(C){this._failure=void 0;try{await this.hass.callWS({type:`${x}/press`,entry_id:this.reader.entry_id,button:C}),this._refused=void 0}catch(H){let V=H,L=V.translation_key??"";if(L.startsWith("blocked_")){this._refused=L.slice(8);return}this._failure=L&&v(this.localize,`exceptions.${L}.message`)||(V.message??String(H))}}};V1.properties={hass:{attribute:!1},reader:{attribute:!1},localize:{attribute:!1},_refused:{state:!0},_failure:{state:!0}},V1.styles=h`
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
  `;customElements.define("nfc-jukebox-kids",V1);var z5=`/api/${x}/chips/export`,I5=`/api/${x}/chips/import`,L1=class extends Z{_t(C,H){return s(this.localize,C,H)}render(){return i`<div class="buttons">
        <ha-button appearance="plain" size="s" @click=${this._backUp} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${s2}></ha-svg-icon>${this._t("backup")}
        </ha-button>
        <ha-button appearance="plain" size="s" @click=${this._pick} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${T2}></ha-svg-icon>${this._t("restore")}
        </ha-button>
        <input
          type="file"
          accept="application/json,.json"
          aria-label=${this._t("restore")}
          @change=${this._chosen}
          hidden
        />
      </div>
      ${this._failure?i`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${()=>this._failure=void 0}>${this._failure}</ha-alert>`:a}
      ${this._done?i`<ha-alert alert-type="success" dismissable @alert-dismissed-clicked=${()=>this._done=void 0}>
            ${this._t("restore_done",{new:this._done.new.length,changed:this._done.changed.length})}
          </ha-alert>`:a}
      ${this._preview?this._renderPreview(this._preview):a}`}_renderPreview(C){let{summary:H}=C,V=H.new.length+H.changed.length;return i`<div class="preview" role="region" aria-label=${this._t("restore")}>
      <div class="preview-title">${this._t("restore_title",{file:C.file.name})}</div>
      ${this._list("new",H.new.map(L=>[L,""]))}
      ${this._list("changed",H.changed.map(L=>[L,this._t("restore_was",{name:L.was})]))}
      ${this._list("conflicts",H.conflicts.map(L=>[L,this._t(`conflict_${L.reason}`)]))}
      ${H.unchanged?i`<div class="secondary">${this._t("restore_unchanged",{count:H.unchanged})}</div>`:a}
      ${V?a:i`<div class="secondary">${this._t("restore_nothing")}</div>`}
      <div class="preview-actions">
        <ha-button appearance="plain" @click=${()=>this._preview=void 0}
          >${this._t("cancel")}</ha-button
        >
        ${V?i`<ha-button @click=${this._apply} ?disabled=${this._busy}
              >${this._t("restore_apply",{count:V})}</ha-button
            >`:a}
      </div>
    </div>`}_list(C,H){return H.length?i`<div class="group ${C}">
      <div class="group-title">${this._t(`restore_${C}`,{count:H.length})}</div>
      <ul>
        ${H.map(([V,L])=>i`<li data-chip-uid=${V.uid}>
              <span class="name">${V.name}</span> <span class="uid">${V.uid}</span>
              ${L?i`<span class="note">· ${L}</span>`:a}
            </li>`)}
      </ul>
    </div>`:a}async _backUp(){this._failure=void 0;let C=await this.hass.fetchWithAuth(z5);if(!C.ok){this._failure=await this._errorOf(C);return}let H=C.headers.get("Content-Disposition")??"",V=/filename="([^"]+)"/.exec(H)?.[1]??"nfc-jukebox-chips.json",L=URL.createObjectURL(await C.blob()),r=document.createElement("a");r.href=L,r.download=V,r.click(),window.setTimeout(()=>URL.revokeObjectURL(L),1e4)}_pick(){let C=this.renderRoot.querySelector("input[type=file]");C.value="",C.click()}async _chosen(C){let H=C.target.files?.[0];if(!H)return;this._done=void 0;let V=await this._send(H,!0);V&&(this._preview={file:H,summary:V})}async _apply(){let C=this._preview;if(!C)return;let H=await this._send(C.file,!1);H&&(this._preview=void 0,this._done=H)}async _send(C,H){this._failure=void 0,this._busy=!0;try{let V=new FormData;V.append("file",C);let L=new URLSearchParams({entry_id:this.entryId});H&&L.set("preview","1");let r=await this.hass.fetchWithAuth(`${I5}?${L}`,{method:"POST",body:V});if(!r.ok){this._preview=void 0,this._failure=await this._errorOf(r);return}return await r.json()}catch(V){this._failure=String(V.message??V);return}finally{this._busy=!1}}async _errorOf(C){try{let H=await C.json();if(H.translation_key){let V=v(this.localize,`exceptions.${H.translation_key}.message`,H.translation_placeholders);if(V)return V}return H.message??C.statusText}catch{return C.statusText}}};L1.properties={hass:{attribute:!1},localize:{attribute:!1},entryId:{attribute:!1},_preview:{state:!0},_done:{state:!0},_failure:{state:!0},_busy:{state:!0}},L1.styles=h`
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
  `;customElements.define("nfc-jukebox-chips-io",L1);function N5(M,C){return M.name.localeCompare(C.name,void 0,{sensitivity:"base"})||(M.uid??"").localeCompare(C.uid??"")}function e5(M,C){let H=new Map((M?.readers??[]).map(L=>[L.entry_id,L.chips]));return{readers:C.readers.map(L=>{let r=C.chips[L.entry_id],e=r?.all?[]:H.get(L.entry_id)??[];if(r){let o=new Set([...r.removed,...r.changed.map(t=>t.subentry_id)]);e=[...e.filter(t=>!o.has(t.subentry_id)),...r.changed],e.sort(N5)}return{...L,chips:e}}),can_edit:C.can_edit}}var q1="nfc-jukebox-card",W5=40,U5={off:Q,quiet_hours:G,limit:T},M1=class extends Z{constructor(){super(),this._search="",this._now=Date.now()}static getConfigElement(){return document.createElement(`${q1}-editor`)}static getStubConfig(){return{}}setConfig(C){if(C.entry_id!==void 0&&typeof C.entry_id!="string")throw new Error("entry_id must be the id of an NFC Jukebox reader");if(C.kids!==void 0&&typeof C.kids!="boolean")throw new Error("kids must be true or false");this._config=C}getCardSize(){return this._config?.kids?8:4+Math.min(this._reader?.chips.length??0,6)}getGridOptions(){return{columns:12,min_columns:6,min_rows:4}}connectedCallback(){super.connectedCallback(),this.hass&&this._subscribe()}disconnectedCallback(){super.disconnectedCallback(),this._unsubscribeNow(),this._stopTicker()}willUpdate(C){C.has("hass")&&this.hass&&(C.get("hass")||f1(this.hass).then(H=>{this._loaded=H}),this._subscribe()),C.has("_config")&&this._subscribe()}_subscribe(){if(!this.hass||!this._config||!this.isConnected)return;let C=this._config.entry_id??"";if(this._unsubscribe&&this._subscribedTo===C)return;this._unsubscribeNow(),this._subscribedTo=C;let H={type:`${x}/subscribe`};this._config.entry_id&&(H.entry_id=this._config.entry_id),this._unsubscribe=this.hass.connection.subscribeMessage(V=>{this._message=e5(this._message,V),this._syncTicker()},H),this._unsubscribe.catch(V=>{this._error=String(V.message??V)})}_unsubscribeNow(){this._unsubscribe&&this._unsubscribe.then(C=>C()).catch(()=>{}),this._unsubscribe=void 0,this._subscribedTo=void 0}_syncTicker(){this._reader?.sleep_until?(this._ticker??=window.setInterval(()=>{this._now=Date.now()},1e3),this._now=Date.now()):this._stopTicker()}_stopTicker(){this._ticker!==void 0&&window.clearInterval(this._ticker),this._ticker=void 0}get _reader(){let C=this._message?.readers??[];return this._config?.entry_id?C.find(H=>H.entry_id===this._config.entry_id):C[0]}get _lz(){return g1(this.hass,this._loaded)}_t(C,H){return s(this._lz,C,H)}render(){if(!this.hass||!this._config)return a;if(!this._message||!this._loaded)return i`<ha-card><div class="loading"></div></ha-card>`;let C=this._reader;if(!C)return i`<ha-card>
        <ha-alert alert-type="warning">
          ${v(this._lz,"exceptions.reader_not_found.message")}
        </ha-alert>
      </ha-card>`;if(this._config.kids)return i`<ha-card class="kids-card">
        <nfc-jukebox-kids .hass=${this.hass} .reader=${C} .localize=${this._lz}></nfc-jukebox-kids>
      </ha-card>`;let H=this._message.can_edit;return i`<ha-card>
      ${this._renderHeader(C)}
      ${this._error?i`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${()=>this._error=void 0}>${this._error}</ha-alert>`:a}
      ${this._editing?i`<nfc-jukebox-chip-form
            .hass=${this.hass}
            .localize=${this._lz}
            .initial=${this._editing.initial}
            .isNew=${this._editing.subentryId===null}
            @chip-save=${this._save}
            @chip-cancel=${()=>this._editing=void 0}
          ></nfc-jukebox-chip-form>`:i`${this._renderNow(C,H)} ${this._renderChips(C,H)}`}
    </ha-card>`}_renderHeader(C){return i`<div class="header">
      <ha-svg-icon class="reader-icon" .path=${O2}></ha-svg-icon>
      <div class="title">${C.title}</div>
      ${C.available?a:i`<span class="badge unavailable">${this._t("reader_unavailable")}</span>`}
    </div>`}_renderNow(C,H){let V=C.chip,L=C.speaker?this.hass.states[C.speaker]:void 0,r=L?.state==="playing",e=L&&["playing","paused","buffering"].includes(L.state),o=e?L.attributes.media_title:void 0,t=e?L.attributes.entity_picture:void 0,A;return V?V.name?A=V.name:A=this._t("new_chip"):A=this._t("no_chip"),i`<div class="now">
      <div class="on-reader">
        <div class="chip-token ${V?"present":""}">
          <ha-svg-icon
            .path=${V?.kind==="control"?z1:$1}
          ></ha-svg-icon>
        </div>
        <div class="on-reader-text">
          <div class="primary">${A}</div>
          ${V?i`<div class="secondary uid">${V.uid}</div>`:a}
          ${V?.blocked?i`<div class="blocked">
                <ha-svg-icon .path=${U5[V.blocked]}></ha-svg-icon>${this._t(`blocked_${V.blocked}`)}
              </div>`:a}
          ${V&&!V.assignable?i`<div class="secondary">${this._t("phone")}</div>`:a}
        </div>
        ${V&&!V.name&&V.assignable&&H?i`<ha-button @click=${()=>this._assign(V.uid)}>${this._t("assign")}</ha-button>`:a}
      </div>
      <div class="player">
        <div class="artwork" style=${t?`background-image:url(${JSON.stringify(t)})`:""}>
          ${t?a:i`<ha-svg-icon .path=${w2}></ha-svg-icon>`}
        </div>
        <div class="player-text">
          <div class="primary">${o||this._t("nothing_plays")}</div>
          ${e&&C.progress&&(!V||V.uid===C.progress.uid)?i`<div class="secondary progress">${this._progressText(C,C.progress)}</div>`:a}
          <div class="secondary">
            ${[e?L.attributes.media_artist:void 0,this._speakerName(C.speaker)].filter(Boolean).join(" · ")}
          </div>
        </div>
        ${e?i`<ha-icon-button
              .label=${this.hass.localize(r?"ui.card.media_player.media_pause":"ui.card.media_player.media_play")}
              .path=${r?m1:n1}
              @click=${()=>this._playPause(C)}
            ></ha-icon-button>`:a}
      </div>
      ${C.sleep_until||!C.rules?i`<div class="facts">
            ${C.sleep_until?i`<span class="fact"
                  ><ha-svg-icon .path=${P2}></ha-svg-icon>${this._t("sleep_timer")}
                  ${this._timeLeft(C.sleep_until)}</span
                >`:a}
            ${C.rules?a:i`<span class="fact"
                  ><ha-svg-icon .path=${I1}></ha-svg-icon>${this._t("max_volume")}
                  ${C.max_volume}%</span
                >`}
          </div>`:a}
      ${C.rules?this._renderRules(C,C.rules,H):a}
    </div>`}_renderRules(C,H,V){let L=i`<ha-svg-icon .path=${H.jukebox_on?c2:Q}></ha-svg-icon
      >${H.jukebox_on?this._t("jukebox"):this._t("blocked_off")}`;return i`<div class="rules" role="group" aria-label=${this._t("house_rules")}>
      <div class="rules-title">${this._t("house_rules")}</div>
      <div class="facts">
        ${V?i`<button
              class="fact toggle ${H.jukebox_on?"on":"off"}"
              role="switch"
              aria-checked=${H.jukebox_on?"true":"false"}
              aria-label=${this._t("jukebox")}
              title=${this._t("jukebox")}
              @click=${()=>this._setRules(C,{jukebox_on:!H.jukebox_on})}
            >
              ${L}
            </button>`:i`<span class="fact ${H.jukebox_on?"on":"off"}">${L}</span>`}
        ${H.quiet_hours?i`<span class="fact quiet"
              ><ha-svg-icon .path=${G}></ha-svg-icon>${this._t("quiet_hours")}</span
            >`:a}
        ${H.minutes_left!==null?i`<span class="fact ${H.minutes_left<=0?"off":""}"
              ><ha-svg-icon .path=${T}></ha-svg-icon>${this._t("minutes_left",{minutes:H.minutes_left})}</span
            >`:a}
        ${H.minutes_left!==null&&V?i`<button class="fact action" @click=${()=>this._grant(C)}>
              <ha-svg-icon .path=${B2}></ha-svg-icon>${this._t("grant")}
            </button>`:a}
        <span class="fact"
          ><ha-svg-icon .path=${I1}></ha-svg-icon>${this._t("volume_range",{min:H.volume[0],max:H.volume[1]})}</span
        >
      </div>
    </div>`}_renderChips(C,H){let V=this._search.trim().toLowerCase(),L=C.chips.filter(r=>!V||[r.name,r.uid,this._speakerName(r.speaker??null),this._music(r)].join(" ").toLowerCase().includes(V));return i`<div class="chips">
      <div class="chips-toolbar">
        ${C.chips.length?i`<label class="search">
              <ha-svg-icon .path=${S2}></ha-svg-icon>
              <input
                type="search"
                .value=${this._search}
                placeholder=${this._t("search")}
                aria-label=${this._t("search")}
                @input=${r=>this._search=r.target.value}
              />
            </label>`:i`<div class="secondary empty">${this._t("no_chips")}</div>`}
        ${H?i`<ha-button @click=${()=>this._assign(C.chip?.name?"":C.chip?.uid??"")}>
              <ha-svg-icon slot="start" .path=${_2}></ha-svg-icon>${this._t("add")}
            </ha-button>`:a}
      </div>
      ${H?i`<nfc-jukebox-chips-io
            .hass=${this.hass}
            .localize=${this._lz}
            .entryId=${C.entry_id}
          ></nfc-jukebox-chips-io>`:a}
      ${V&&!L.length?i`<div class="secondary empty">${this._t("no_match")}</div>`:a}
      ${L.length>W5?i`<ul class="chip-list virtual">
            ${H5({items:L,keyFunction:r=>r.subentry_id,renderItem:r=>this._renderChip(C,r,H)})}
          </ul>`:i`<ul class="chip-list">
            ${L.map(r=>this._renderChip(C,r,H))}
          </ul>`}
    </div>`}_renderChip(C,H,V){let L=C.chip?.subentry_id===H.subentry_id;if(this._deleting===H.subentry_id)return i`<li class="chip confirm">
        <div class="chip-text">${this._t("delete_confirm",{name:H.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._deleting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button variant="danger" @click=${()=>this._delete(C,H)}
            >${this._t("delete")}</ha-button
          >
        </div>
      </li>`;if(this._resetting===H.subentry_id)return i`<li class="chip confirm">
        <div class="chip-text">${this._t("reset_confirm",{name:H.name})}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${()=>this._resetting=void 0}
            >${this._t("cancel")}</ha-button
          >
          <ha-button @click=${()=>this._reset(C,H)}>${this._t("reset_progress")}</ha-button>
        </div>
      </li>`;let r=H.kind==="music"?[this._music(H),this._speakerName(H.speaker??null)]:[v(this._lz,`selector.action.options.${H.action??""}`),H.action==="sleep_timer"&&H.minutes?new Intl.NumberFormat(this.hass.locale?.language??this.hass.language,{style:"unit",unit:"minute",unitDisplay:"long"}).format(H.minutes):""];return i`<li class="chip ${L?"on-reader-now":""}">
      <ha-svg-icon
        class="kind"
        .path=${H.kind==="music"?$1:z1}
        title=${this._t(H.kind==="music"?"music_chip":"control_chip")}
      ></ha-svg-icon>
      <div class="chip-text">
        <div class="primary">${H.name}</div>
        <div class="secondary"><span class="uid">${H.uid}</span></div>
        <div class="secondary">${r.filter(Boolean).join(" · ")}</div>
      </div>
      <div class="actions">
        ${H.kind==="music"?i`<ha-icon-button
              .label=${this._t("play_now")}
              .path=${g2}
              @click=${()=>this._play(C,H)}
            ></ha-icon-button>`:a}
        ${V&&H.kind==="music"?i`<ha-icon-button
              .label=${this._t("edit")}
              .path=${f2}
              @click=${()=>this._edit(H)}
            ></ha-icon-button>`:a}
        ${V&&H.kind==="music"?i`<ha-icon-button
              .label=${this._t("reset_progress")}
              .path=${k2}
              @click=${()=>this._resetting=H.subentry_id}
            ></ha-icon-button>`:a}
        ${V?i`<ha-icon-button
              .label=${this._t("delete")}
              .path=${x2}
              @click=${()=>this._deleting=H.subentry_id}
            ></ha-icon-button>`:a}
      </div>
    </li>`}_speakerName(C){return C?this.hass.states[C]?.attributes.friendly_name??C:""}_music(C){let H=C.media;if(!H)return"";if(H.metadata?.title)return H.metadata.title;let V=H.media_content_id.split("/").pop()??H.media_content_id;try{return decodeURIComponent(V)}catch{return V}}_progressText(C,H){let V={track:H.track,tracks:H.tracks,title:H.title},L=C.chips.find(r=>r.uid===H.uid);return this._t(L?.media?.media_content_type==="podcast"?"episode_of":"track_of",V)}_timeLeft(C){let H=Math.max(0,Math.round((Date.parse(C)-this._now)/1e3));return`${Math.floor(H/60)}:${String(H%60).padStart(2,"0")}`}_assign(C){let H={uid:C,name:"",play_on:H1,playback:{...j1}},V=this._reader,L=V?.speaker??V?.chips.find(r=>r.speaker)?.speaker;L&&(H.media={entity_id:L,media_content_id:"",media_content_type:""}),this._editing={subentryId:null,initial:H}}_edit(C){let H={uid:C.uid,name:C.name,playback:{...j1,...C.playback}};C.media&&(H.media=C.media);let V=C.media?r5[C.media.media_content_type]:void 0;C.media&&V&&(H[V]=C.media.media_content_id,H.media={entity_id:C.media.entity_id,media_content_id:"",media_content_type:""}),H.play_on=C.play_on??H1,this._editing={subentryId:C.subentry_id,initial:H}}async _save(C){let H=this._reader,V=this._editing;if(!H||!V)return;let L=C.target,r={type:`${x}/chip/save`,entry_id:H.entry_id,...C.detail};V.subentryId&&(r.subentry_id=V.subentryId);try{let e=await this.hass.callWS(r);if(e.errors){L.placeholders=e.placeholders,L.errors=e.errors;return}this._editing=void 0}catch(e){L.failure=this._failure(e)}}async _delete(C,H){this._deleting=void 0,await this._call({type:`${x}/chip/delete`,entry_id:C.entry_id,subentry_id:H.subentry_id})}async _reset(C,H){this._resetting=void 0,await this._call({type:`${x}/chip/reset`,entry_id:C.entry_id,subentry_id:H.subentry_id})}async _play(C,H){await this._call({type:`${x}/chip/play`,entry_id:C.entry_id,subentry_id:H.subentry_id})}async _setRules(C,H){await this._call({type:`${x}/rules/set`,entry_id:C.entry_id,...H})}async _grant(C){await this._call({type:`${x}/rules/grant`,entry_id:C.entry_id})}async _playPause(C){await this._call({type:`${x}/press`,entry_id:C.entry_id,button:"play_pause"})}async _call(C){try{await this.hass.callWS(C)}catch(H){this._error=this._failure(H)}}_failure(C){let H=C;if(H.translation_key){let V=v(this._lz,`exceptions.${H.translation_key}.message`);if(V)return V}return H.message??String(C)}};M1.properties={hass:{attribute:!1},_config:{state:!0},_message:{state:!0},_search:{state:!0},_editing:{state:!0},_deleting:{state:!0},_resetting:{state:!0},_error:{state:!0},_now:{state:!0},_loaded:{state:!0}},M1.styles=h`
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
  `;customElements.define(q1,M1);var Q5=window.customCards??=[];Q5.push({type:q1,name:"NFC Jukebox",description:"The reader, the chip on it, what plays, and every chip of the home.",preview:!0,documentationURL:"https://github.com/nfc-jukebox/nfc-jukebox#dashboard-card"});export{M1 as NfcJukeboxCard};
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
