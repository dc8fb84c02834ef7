import { createPreview } from '../scene/index';
function box(x0:number,y0:number,z0:number,x1:number,y1:number,z1:number){
  const P=[[x0,y0,z0],[x1,y0,z0],[x1,y1,z0],[x0,y1,z0],[x0,y0,z1],[x1,y0,z1],[x1,y1,z1],[x0,y1,z1]].flat();
  const I=[0,2,1,0,3,2, 4,5,6,4,6,7, 0,1,5,0,5,4, 1,2,6,1,6,5, 2,3,7,2,7,6, 3,0,4,3,4,7];
  return {positions:new Float32Array(P),indices:new Uint32Array(I)};
}
const mats={currency:'USD',materials:[{id:'pla',name:'PLA',process:'fdm' as const,color:'#d9482b',density:1.24,pricePerKg:20,metallic:0,roughness:0.45},{id:'steel',name:'Steel',process:'any' as const,color:'#b8bcc2',density:7.8,pricePerKg:20,metallic:1,roughness:0.3}]};
const p = await createPreview({canvas:document.getElementById('c') as HTMLCanvasElement, overlay:document.getElementById('ov')!, materials:mats});
const a=box(0,0,0,80,50,10), b=box(10,10,10,70,20,25);
p.setParts([{name:'base',material:'pla',color:'#d9482b',...a},{name:'top',material:'steel',color:'#b8bcc2',...b}],{min:[0,0,0],max:[80,50,25]});
(window as any).p=p; (window as any).BABYLON_SCENE = (p as any);(window as any).done=true;
