function box(x0:number,y0:number,z0:number,x1:number,y1:number,z1:number){
  const P=[[x0,y0,z0],[x1,y0,z0],[x1,y1,z0],[x0,y1,z0],[x0,y0,z1],[x1,y0,z1],[x1,y1,z1],[x0,y1,z1]].flat();
  const I=[0,2,1,0,3,2, 4,5,6,4,6,7, 0,1,5,0,5,4, 1,2,6,1,6,5, 2,3,7,2,7,6, 3,0,4,3,4,7];
  return {positions:new Float32Array(P),indices:new Uint32Array(I)};
}
export async function createGeometryKernel(o: any) {
  await fetch(o.wasmUrl);
  return {
    build(inp: any) {
      const s = inp.scope; const w = s.get('width'), d = s.get('depth'), h = s.get('height'); const t = String(s.get('name') ?? '');
      const parts: any[] = [{ name: 'body', material: s.get('material') ?? 'pla-white', color: (inp.materials.materials.find((m: any) => m.id === s.get('material'))?.color) ?? '#dddddd', mesh: box(-w/2,-d/2,0,w/2,d/2,h), volume: w*d*h, surfaceArea: 0, bbox: {min:[-w/2,-d/2,0],max:[w/2,d/2,h]}, genus: 0 }];
      if (t.length) { const tw = t.length * 6; parts.push({ name: 'text', material: 'pla-black', color: s.get('color') ?? '#222222', mesh: box(-tw/2, -d/4, h, tw/2, d/4, h+1.5), volume: tw*d/2*1.5, surfaceArea: 0, bbox: {min:[-tw/2,-d/4,h],max:[tw/2,d/4,h+1.5]}, genus: 0 }); }
      const vol = parts.reduce((a, p) => a + p.volume, 0);
      return { parts, bbox: { min: [-w/2, -d/2, 0], max: [w/2, d/2, h + (t.length ? 1.5 : 0)] }, volume: vol, triangles: parts.length * 12 };
    },
    liveObjects: () => 0, dispose() {},
  };
}
