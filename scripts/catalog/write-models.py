# Writes the bundled catalog's model files (assets/models/<id>/<id>.model.json). Run: python3 scripts/catalog/write-models.py
# The JSON files are the source of truth once written; this script keeps the long point lists readable.
import json, os
ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'assets', 'models')
def save(m):
    d = os.path.join(ROOT, m['id']); os.makedirs(d, exist_ok=True)
    m = {"$schema": "../../model.schema.json", "format": "atelier-model/1", **m, "units": "mm", "thumbnail": "thumbnail.png"}
    with open(os.path.join(d, m['id'] + '.model.json'), 'w') as f: json.dump(m, f, indent=2, ensure_ascii=False); f.write('\n')

def num(id, label, d, lo, hi, step=1, unit='mm', group=None, help=None, **kw):
    p = {"id": id, "type": "number", "label": label, "default": d, "min": lo, "max": hi, "step": step, "unit": unit}
    if group: p["group"] = group
    if help: p["help"] = help
    p.update(kw); return p
def mat(id, label, d, options, group='Materials'):
    return {"id": id, "type": "material", "label": label, "default": d, "options": options, "group": group}
PLA = ["pla-white","pla-black","pla-red","pla-blue","pla-green","pla-yellow","pla-orange","pla-grey","pla-pink","pla-navy","pla-wood","pla-silk-gold","pla-silk-silver","pla-marble","petg-black","resin-grey","resin-ceramic"]

# 1. Nameplate: two materials, embossed text
save({
 "id": "nameplate", "name": "Desk nameplate", "version": "1.0.0", "designer": "Atelier",
 "description": "A desk nameplate with raised letters in a second colour. Type a name, pick the colours.",
 "tags": ["text", "two-colour", "office"],
 "parameters": [
  {"id": "name", "type": "text", "label": "Name", "default": "Ada Lovelace", "maxLength": 24, "minLength": 1, "font": "sans", "group": "Text", "help": "Letters, digits and most accented letters."},
  {"id": "style", "type": "choice", "label": "Lettering", "default": "sans", "options": [{"value": "sans", "label": "Modern"}, {"value": "serif", "label": "Classic"}], "group": "Text"},
  num("text_size", "Letter height", 14, 6, 30, 0.5, group="Text", help="Height of a capital letter."),
  num("raise", "Letter relief", 1.2, 0.6, 3, 0.1, group="Text"),
  num("width", "Width", 160, 80, 250, 1, group="Size"),
  num("height", "Height", 45, 25, 80, 1, group="Size"),
  num("thickness", "Plate thickness", 4, 2, 8, 0.5, group="Size"),
  num("corner", "Corner radius", 5, 0, 12, 0.5, group="Size"),
  {"id": "border", "type": "boolean", "label": "Raised border", "default": True, "group": "Size"},
  mat("plate_material", "Plate", "pla-white", PLA),
  mat("letter_material", "Letters", "pla-black", PLA),
 ],
 "derived": [
  {"id": "text_room", "expr": "width - 2 * (border ? 8 : 4)"},
 ],
 "constraints": [
  {"expr": "len(name) * text_size * 0.68 <= text_room", "message": "The name is too long for this plate: make the plate wider or the letters smaller.", "parameters": ["name", "width", "text_size"]},
  {"expr": "text_size <= height - (border ? 14 : 8)", "message": "The letters are taller than the plate: make the plate higher or the letters smaller.", "parameters": ["text_size", "height"]},
 ],
 "features": [
  {"id": "stroke", "label": "Letter stroke", "kind": "text-stroke", "thickness": "text_size * 0.14"},
  {"id": "border_wall", "label": "Border", "kind": "wall", "thickness": 2.5, "when": "border"},
 ],
 "presets": [
  {"id": "office", "name": "Office door", "values": {"width": 200, "height": 55, "text_size": 18}},
  {"id": "compact", "name": "Compact", "values": {"width": 110, "height": 35, "text_size": 9, "name": "Ada"}},
 ],
 "parts": [
  {"name": "Plate", "material": "plate_material", "solid": {"type": "union", "children": [
    {"type": "box", "size": ["width", "height", "thickness"], "radius": "corner"},
    {"type": "difference", "when": "border", "children": [
      {"type": "translate", "offset": [2.5, 2.5, 0], "children": [{"type": "box", "size": ["width - 5", "height - 5", "thickness + raise"], "radius": "max(corner - 2.5, 0)"}]},
      {"type": "translate", "offset": [5, 5, 1], "children": [{"type": "box", "size": ["width - 10", "height - 10", "thickness + raise"], "radius": "max(corner - 5, 0)"}]}
    ]}
  ]}},
  {"name": "Letters", "material": "letter_material", "solid": {"type": "translate", "offset": ["width / 2", "height / 2", "thickness"], "children": [
    {"type": "text", "when": "style == 'sans'", "text": "name", "font": "sans", "size": "text_size", "height": "raise", "halign": "center", "valign": "center"},
    {"type": "text", "when": "style == 'serif'", "text": "name", "font": "serif", "size": "text_size", "height": "raise", "halign": "center", "valign": "center"}
  ]}}
 ]
})

# 2. Keychain: embossed text, optional ring hole
save({
 "id": "keychain", "name": "Name keychain", "version": "1.0.0", "designer": "Atelier",
 "description": "A rounded key tag with a raised name and an optional ring hole.",
 "tags": ["text", "gift", "small"],
 "parameters": [
  {"id": "name", "type": "text", "label": "Name", "default": "MAX", "maxLength": 12, "minLength": 1, "font": "sans", "group": "Text"},
  num("text_size", "Letter height", 9, 5, 16, 0.5, group="Text"),
  num("length", "Length", 60, 35, 100, 1, group="Size"),
  num("width", "Width", 22, 14, 35, 1, group="Size"),
  num("thickness", "Thickness", 3, 2, 6, 0.5, group="Size"),
  {"id": "ring", "type": "boolean", "label": "Key ring hole", "default": True, "group": "Size"},
  num("hole", "Hole diameter", 5, 3, 8, 0.5, group="Size", visibleWhen="ring"),
  mat("tag_material", "Tag", "pla-blue", PLA),
  mat("text_material", "Letters", "pla-white", PLA),
 ],
 "derived": [{"id": "r", "expr": "width / 2"}, {"id": "text_x", "expr": "ring ? (hole + 4 + length) / 2 : length / 2"}],
 "constraints": [
  {"expr": "len(name) * text_size * 0.72 <= length - (ring ? hole + 8 : 6)", "message": "The name does not fit on the tag: make it longer or the letters smaller.", "parameters": ["name", "length", "text_size"]},
  {"expr": "text_size <= width - 6", "message": "The letters are taller than the tag is wide.", "parameters": ["text_size", "width"]},
  {"expr": "hole <= width - 6", "message": "The hole leaves less than 3 mm of material around it.", "parameters": ["hole"]},
 ],
 "features": [{"id": "stroke", "label": "Letter stroke", "kind": "text-stroke", "thickness": "text_size * 0.14"}, {"id": "ring_wall", "label": "Ring wall", "kind": "wall", "thickness": "(width - hole) / 2", "when": "ring"}],
 "presets": [{"id": "mini", "name": "Mini", "values": {"length": 45, "width": 16, "text_size": 7, "name": "JO"}}],
 "parts": [
  {"name": "Tag", "material": "tag_material", "solid": {"type": "difference", "children": [
    {"type": "box", "size": ["length", "width", "thickness"], "radius": "r - 0.01"},
    {"type": "translate", "when": "ring", "offset": ["hole / 2 + 3", "r", -1], "children": [{"type": "cylinder", "height": "thickness + 2", "radius": "hole / 2"}]}
  ]}},
  {"name": "Letters", "material": "text_material", "solid": {"type": "translate", "offset": ["text_x", "r", "thickness"], "children": [
    {"type": "text", "text": "upper(name)", "font": "sans", "size": "text_size", "height": 1.2, "halign": "center", "valign": "center"}
  ]}}
 ]
})

# 3. Mug: engraved wrapped text, constraints (wall, handle clearance)
save({
 "id": "mug", "name": "Personalised mug", "version": "1.0.0", "designer": "Atelier",
 "description": "A mug with a name engraved around it. Walls and handle are checked so it is strong and comfortable.",
 "tags": ["text", "engraved", "kitchen"],
 "parameters": [
  {"id": "name", "type": "text", "label": "Engraving", "default": "Grace", "maxLength": 16, "minLength": 1, "font": "serif", "group": "Engraving"},
  num("text_size", "Letter height", 16, 8, 30, 0.5, group="Engraving"),
  num("depth", "Engraving depth", 1, 0.4, 2, 0.1, group="Engraving"),
  num("diameter", "Diameter", 80, 60, 100, 1, group="Size"),
  num("height", "Height", 95, 60, 130, 1, group="Size"),
  num("wall", "Wall thickness", 3, 1.2, 6, 0.1, group="Size", help="At least 2 mm keeps the mug strong."),
  num("clearance", "Handle opening", 24, 12, 40, 1, group="Handle", help="Room for fingers between handle and mug."),
  num("grip", "Handle thickness", 10, 6, 16, 0.5, group="Handle"),
  mat("material", "Material", "resin-ceramic", ["resin-ceramic", "resin-grey", "pla-white", "pla-black", "pla-red", "pla-blue", "pla-marble"]),
 ],
 "derived": [
  {"id": "R", "expr": "diameter / 2"},
  {"id": "major", "expr": "clearance + grip / 2"},
 ],
 "constraints": [
  {"expr": "wall >= 2", "message": "Walls thinner than 2 mm crack easily: make the wall at least 2 mm.", "parameters": ["wall"]},
  {"expr": "clearance >= 20", "message": "The handle needs at least 20 mm of room for fingers.", "parameters": ["clearance"]},
  {"expr": "depth <= wall - 1.2", "message": "The engraving is too deep for this wall: keep 1.2 mm of wall behind it.", "parameters": ["depth", "wall"]},
  {"expr": "2 * major + grip <= height - 12", "message": "The handle is taller than the mug: make the mug taller or the handle smaller.", "parameters": ["clearance", "height"]},
  {"expr": "len(name) * text_size * 0.62 <= PI * diameter * 0.45", "message": "The engraving wraps too far around the mug: shorten it or use smaller letters.", "parameters": ["name", "text_size"]},
 ],
 "features": [{"id": "wall", "label": "Mug wall", "kind": "wall", "thickness": "wall"}, {"id": "stroke", "label": "Engraved stroke", "kind": "text-stroke", "thickness": "text_size * 0.12"}],
 "presets": [
  {"id": "espresso", "name": "Espresso", "values": {"diameter": 64, "height": 70, "text_size": 10, "clearance": 20, "grip": 8, "name": "Ciao"}},
  {"id": "large", "name": "Large", "values": {"diameter": 92, "height": 115, "text_size": 20}},
 ],
 "parts": [
  {"name": "Mug", "material": "material", "solid": {"type": "difference", "children": [
    {"type": "union", "children": [
      {"type": "cylinder", "height": "height", "radius": "R"},
      {"type": "translate", "offset": ["R", 0, "height / 2"], "children": [{"type": "rotate", "angles": [90, 0, 0], "children": [{"type": "torus", "majorRadius": "major", "minorRadius": "grip / 2"}]}]}
    ]},
    {"type": "translate", "offset": [0, 0, "wall"], "children": [{"type": "cylinder", "height": "height", "radius": "R - wall"}]},
    {"type": "translate", "offset": [0, 0, "height / 2"], "children": [
      {"type": "text", "text": "name", "size": "text_size", "height": "depth + 1", "halign": "center", "valign": "center", "wrapRadius": "R - depth"}
    ]}
  ]}}
 ]
})

# 4. Vase: revolved profile, stability constraint
ts = [i / 10 for i in range(11)]
def ro(t): return f"lerp(base_r, top_r, {t}) + bulge * sin(180 * {t})"
outer = [[0, 0]] + [[ro(t), f"height * {t}"] for t in ts]
inner = [[f"{ro(t)} - wall", f"max(height * {t}, bottom)"] for t in reversed(ts)]
save({
 "id": "vase", "name": "Bud vase", "version": "1.0.0", "designer": "Atelier",
 "description": "A turned vase whose silhouette you shape: base, belly and neck. Checked so it stands steady.",
 "tags": ["revolved", "home", "decor"],
 "parameters": [
  num("height", "Height", 160, 80, 260, 1, group="Shape"),
  num("base_r", "Base radius", 35, 20, 70, 0.5, group="Shape"),
  num("top_r", "Neck radius", 18, 10, 50, 0.5, group="Shape"),
  num("bulge", "Belly", 15, 0, 35, 0.5, group="Shape", help="How far the belly swells out."),
  num("wall", "Wall thickness", 2, 1.2, 5, 0.1, group="Shape"),
  num("bottom", "Bottom thickness", 3, 1.5, 8, 0.5, group="Shape"),
  mat("material", "Material", "pla-marble", PLA + ["petg-clear", "resin-clear"]),
 ],
 "constraints": [
  {"expr": "base_r * 2 >= height * 0.32", "message": "The vase will tip over: widen the base or make it shorter.", "parameters": ["base_r", "height"]},
  {"expr": "top_r - wall >= 6", "message": "The neck is too narrow for a stem: widen it.", "parameters": ["top_r"]},
 ],
 "features": [{"id": "wall", "label": "Vase wall", "kind": "wall", "thickness": "wall"}],
 "presets": [{"id": "tall", "name": "Tall", "values": {"height": 240, "base_r": 42, "top_r": 16, "bulge": 20}}, {"id": "bowl", "name": "Low bowl", "values": {"height": 90, "base_r": 40, "top_r": 45, "bulge": 8}}],
 "parts": [{"name": "Vase", "material": "material", "solid": {"type": "revolve", "shape": {"type": "polygon", "points": outer + inner + [[0, "bottom"]]}}}]
})

# 5. Phone stand: functional fit
save({
 "id": "phone-stand", "name": "Phone stand", "version": "1.0.0", "designer": "Atelier",
 "description": "A desk stand whose slot fits your phone (with its case) exactly, at the viewing angle you like.",
 "tags": ["functional", "desk"],
 "parameters": [
  num("phone", "Phone thickness (with case)", 10, 6, 18, 0.1, group="Fit", help="Measure your phone with its case."),
  num("clearance", "Slot clearance", 1, 0.3, 3, 0.1, group="Fit", help="Extra room so the phone slides in."),
  num("angle", "Viewing angle", 65, 50, 80, 1, unit="deg", group="Shape"),
  num("width", "Width", 70, 40, 120, 1, group="Shape"),
  num("rest", "Backrest height", 80, 40, 130, 1, group="Shape"),
  num("lip", "Front lip height", 10, 5, 20, 0.5, group="Shape"),
  {"id": "cable", "type": "boolean", "label": "Cable slot", "default": True, "group": "Shape", "help": "A slot for a charging cable through the lip."},
  mat("material", "Material", "pla-grey", PLA),
 ],
 "derived": [
  {"id": "b", "expr": "5"}, {"id": "t", "expr": "6"},
  {"id": "slot", "expr": "phone + clearance"},
  {"id": "x1", "expr": "5 + slot"},
  {"id": "rt", "expr": "t / sin(angle)"},
  {"id": "lean", "expr": "rest / tan(angle)"},
  {"id": "depth", "expr": "x1 + rt + lean + 12"},
 ],
 "features": [{"id": "rest_wall", "label": "Backrest", "kind": "wall", "thickness": "t"}, {"id": "lip_wall", "label": "Front lip", "kind": "wall", "thickness": 5}],
 "presets": [{"id": "tablet", "name": "Small tablet", "values": {"phone": 12, "width": 110, "rest": 120, "angle": 70, "lip": 14}}],
 "parts": [{"name": "Stand", "material": "material", "solid": {"type": "difference", "children": [
   {"type": "translate", "offset": [0, "width", 0], "children": [{"type": "rotate", "angles": [90, 0, 0], "children": [
     {"type": "extrude", "height": "width", "shape": {"type": "polygon", "points": [
       [0, 0], ["depth", 0], ["depth", "b"], ["x1 + rt", "b"], ["x1 + rt + lean", "b + rest"], ["x1 + lean", "b + rest"], ["x1", "b"], [5, "b"], [5, "b + lip"], [0, "b + lip"]]}}]}]},
   {"type": "translate", "when": "cable", "offset": [-1, "width / 2 - 6", "b"], "children": [{"type": "box", "size": ["x1 + 2", 12, "lip + 1"]}]}
 ]}}]
})

# 6. Plant pot: drainage holes (repeat-polar), optional saucer module
save({
 "id": "plant-pot", "name": "Plant pot with saucer", "version": "1.0.0", "designer": "Atelier",
 "description": "A tapered plant pot with drainage holes and an optional matching saucer.",
 "tags": ["home", "garden", "modules"],
 "parameters": [
  num("top_d", "Top diameter", 110, 60, 200, 1, group="Pot"),
  num("bottom_d", "Bottom diameter", 80, 40, 180, 1, group="Pot"),
  num("height", "Height", 100, 50, 200, 1, group="Pot"),
  num("wall", "Wall thickness", 2.4, 1.2, 5, 0.1, group="Pot"),
  {"id": "holes", "type": "integer", "label": "Drainage holes", "default": 5, "min": 0, "max": 12, "step": 1, "unit": "count", "group": "Pot"},
  {"id": "saucer", "type": "boolean", "label": "Saucer", "default": True, "group": "Saucer"},
  num("saucer_h", "Saucer height", 12, 6, 25, 1, group="Saucer", visibleWhen="saucer"),
  mat("material", "Pot", "pla-green", PLA),
  mat("saucer_material", "Saucer", "pla-green", PLA),
 ],
 "derived": [{"id": "rb", "expr": "bottom_d / 2"}, {"id": "rt", "expr": "top_d / 2"}, {"id": "floor_t", "expr": "wall + 0.6"}, {"id": "sr", "expr": "rb + 10"}],
 "constraints": [
  {"expr": "top_d >= bottom_d", "message": "The pot must be wider at the top, or the plant cannot come out.", "parameters": ["top_d", "bottom_d"]},
  {"expr": "wall >= 1.6", "message": "Walls thinner than 1.6 mm are fragile when full of soil.", "parameters": ["wall"]},
 ],
 "features": [{"id": "wall", "label": "Pot wall", "kind": "wall", "thickness": "wall"}],
 "presets": [{"id": "small", "name": "Succulent", "values": {"top_d": 70, "bottom_d": 50, "height": 60, "holes": 3}}],
 "parts": [
  {"name": "Pot", "material": "material", "solid": {"type": "difference", "children": [
    {"type": "cylinder", "height": "height", "radiusBottom": "rb", "radiusTop": "rt"},
    {"type": "translate", "offset": [0, 0, "floor_t"], "children": [{"type": "cylinder", "height": "height", "radiusBottom": "rb - wall + (rt - rb) * floor_t / height", "radiusTop": "rt - wall + (rt - rb) * floor_t / height"}]},
    {"type": "repeat-polar", "count": "holes", "children": [{"type": "translate", "offset": ["holes > 1 ? rb * 0.5 : 0", 0, -1], "children": [{"type": "cylinder", "height": "floor_t + 2", "radius": 4}]}]}
  ]}},
  {"name": "Saucer", "material": "saucer_material", "when": "saucer", "solid": {"type": "translate", "offset": ["rt + sr + 10", 0, 0], "children": [{"type": "difference", "children": [
    {"type": "cylinder", "height": "saucer_h", "radius": "sr"},
    {"type": "translate", "offset": [0, 0, 2], "children": [{"type": "cylinder", "height": "saucer_h", "radius": "sr - 2"}]}
  ]}]}}
 ]
})

# 7. Wall hook: a mesh part (hook.stl) on a parametric plate
save({
 "id": "wall-hook", "name": "Monogram wall hook", "version": "1.0.0", "designer": "Atelier",
 "description": "A coat hook on a back plate with screw holes and an engraved initial. The hook is a sculpted mesh.",
 "tags": ["mesh", "home", "engraved"],
 "parameters": [
  {"id": "initial", "type": "text", "label": "Initial", "default": "A", "maxLength": 2, "minLength": 1, "font": "serif", "group": "Engraving"},
  num("plate_w", "Plate width", 40, 30, 70, 1, group="Plate"),
  num("plate_h", "Plate height", 80, 60, 140, 1, group="Plate"),
  num("plate_t", "Plate thickness", 5, 4, 10, 0.5, group="Plate"),
  num("hook_scale", "Hook size", 1, 0.7, 1.5, 0.05, unit="%", group="Hook"),
  num("screw", "Screw hole", 4, 3, 6, 0.5, group="Plate"),
  mat("material", "Material", "pla-wood", PLA),
 ],
 "constraints": [{"expr": "plate_h >= 45 * hook_scale + 30", "message": "The hook is too big for the plate: make the plate taller.", "parameters": ["hook_scale", "plate_h"]}],
 "features": [{"id": "plate", "label": "Back plate", "kind": "wall", "thickness": "plate_t"}],
 "parts": [{"name": "Hook", "material": "material", "solid": {"type": "difference", "children": [
   {"type": "union", "children": [
     {"type": "translate", "offset": ["-plate_w / 2", "-plate_h / 2", 0], "children": [{"type": "box", "size": ["plate_w", "plate_h", "plate_t"], "radius": 6}]},
     {"type": "translate", "offset": [0, "-plate_h / 2 + 12", "plate_t - 0.5"], "children": [{"type": "mesh", "file": "hook.stl", "scale": "hook_scale"}]}
   ]},
   {"type": "repeat-linear", "count": 2, "offset": [0, "plate_h - 16", 0], "children": [{"type": "translate", "offset": [0, "-plate_h / 2 + 8", -1], "children": [
     {"type": "cylinder", "height": "plate_t + 2", "radius": "screw / 2"},
     {"type": "translate", "offset": [0, 0, "plate_t - 1"], "children": [{"type": "cylinder", "height": 2.01, "radiusBottom": "screw / 2", "radiusTop": "screw / 2 + 2"}]}
   ]}]},
   {"type": "translate", "offset": [0, "plate_h / 2 - 24", "plate_t - 1"], "children": [{"type": "text", "text": "initial", "size": 14, "height": 2, "halign": "center", "valign": "center"}]}
 ]}}]
})

# 8. Lamp shade: revolved shell, optional pattern, socket fit
pts = [[f"bottom_r", 0], [f"top_r", "height"], [f"top_r - wall", "height"], [f"bottom_r - wall", 0]]
save({
 "id": "lamp-shade", "name": "Lamp shade", "version": "1.0.0", "designer": "Atelier",
 "description": "A conical lamp shade with an optional light pattern and a ring that fits a standard E27 lamp holder.",
 "tags": ["revolved", "home", "lighting"],
 "parameters": [
  num("height", "Height", 140, 80, 220, 1, group="Shape"),
  num("bottom_r", "Bottom radius", 90, 50, 140, 1, group="Shape"),
  num("top_r", "Top radius", 55, 35, 120, 1, group="Shape"),
  num("wall", "Wall thickness", 1.6, 1.2, 3, 0.1, group="Shape"),
  {"id": "pattern", "type": "boolean", "label": "Light slots", "default": True, "group": "Pattern"},
  {"id": "slots", "type": "integer", "label": "Number of slots", "default": 18, "min": 6, "max": 36, "step": 1, "unit": "count", "group": "Pattern", "visibleWhen": "pattern"},
  num("socket", "Holder diameter", 42, 28, 44, 0.5, group="Fit", help="E27 holders are 40–42 mm; E14 about 29 mm."),
  mat("material", "Material", "pla-white", PLA + ["petg-clear"]),
 ],
 "derived": [{"id": "ring_r", "expr": "socket / 2 + 6"}],
 "constraints": [
  {"expr": "top_r - wall >= ring_r + 8", "message": "The top is too narrow for the lamp holder ring: widen the top.", "parameters": ["top_r", "socket"]},
  {"expr": "bottom_r >= top_r", "message": "The shade must open downwards: make the bottom wider than the top.", "parameters": ["bottom_r", "top_r"]},
 ],
 "features": [{"id": "wall", "label": "Shade wall", "kind": "wall", "thickness": "wall"}],
 "presets": [{"id": "drum", "name": "Drum", "values": {"bottom_r": 90, "top_r": 88, "height": 150, "pattern": False}}],
 "parts": [{"name": "Shade", "material": "material", "solid": {"type": "union", "children": [
   {"type": "difference", "children": [
     {"type": "revolve", "shape": {"type": "polygon", "points": pts}},
     {"type": "repeat-polar", "when": "pattern", "count": "slots", "children": [
       {"type": "translate", "offset": ["top_r - wall - 6", -2.5, "height * 0.2"], "children": [{"type": "box", "size": ["bottom_r - top_r + 20", 5, "height * 0.6"]}]}]}
   ]},
   {"type": "translate", "offset": [0, 0, "height - 4"], "children": [{"type": "difference", "children": [
     {"type": "union", "children": [
       {"type": "cylinder", "height": 4, "radius": "ring_r"},
       {"type": "repeat-polar", "count": 3, "children": [{"type": "translate", "offset": ["ring_r - 1", -3, 0], "children": [{"type": "box", "size": ["top_r - ring_r", 6, 4]}]}]}
     ]},
     {"type": "translate", "offset": [0, 0, -1], "children": [{"type": "cylinder", "height": 6, "radius": "socket / 2"}]}
   ]}]}
 ]}}]
})
print('ok')
