#!/usr/bin/env python3
"""Generates the project's own model files, deterministically, with the standard library only.

Writes (sizes in metres, Y up, front faces counter-clockwise seen from outside, outward normals):
  assets/models/hex_nut.gltf   glTF 2.0, buffer embedded as a base64 data URI: a hexagonal nut
                               with a round hole, one metallic material
  assets/models/bracket.obj    (+ bracket.mtl) an L-shaped angle bracket with a gusset
  assets/models/pulley.gltf    glTF 2.0: a V-groove pulley with a bore, axis along Y
and copies them into scenarios/workbench/models/.

Every vertex of every model has its own (position, normal) pair, so an importer that merges
identical vertices keeps the counts below; tests/assets/assets_test.cpp recomputes them from the
construction described here:
  hex nut   hole segments N:  vertices 6N + 24, triangles 6N + 12
  bracket                     vertices 54,      triangles 28
  pulley    segments S:       vertices 14S,     triangles 14S   (7 profile edges)
These files are the project's own work (no third-party content); run this script to regenerate
them: `python3 scripts/make_models.py` from the repository root.
"""
import base64
import json
import math
import os
import shutil
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "assets", "models")
SCENARIO_DIR = os.path.join(ROOT, "scenarios", "workbench", "models")

# --- hex nut (M20-like proportions, scaled to ~0.03 m across corners) ---
NUT_CORNER_RADIUS = 0.015   # centre to hexagon corner; corners on +-X
NUT_HOLE_RADIUS = 0.008
NUT_THICKNESS = 0.012       # along Y, centred
NUT_HOLE_SEGMENTS = 24      # multiple of 6: 4 rim points per hexagon side

# --- bracket: L profile in the XY plane, extruded along Z ---
BRACKET_LEG = 0.12          # both legs, from the outer corner at the origin
BRACKET_THICKNESS = 0.006
BRACKET_WIDTH = 0.04        # along Z, centred
GUSSET_SIZE = 0.04          # legs of the triangular rib inside the corner
GUSSET_THICKNESS = 0.006    # along Z, centred

# --- pulley: V-groove wheel, axis along Y ---
PULLEY_RADIUS = 0.075       # outer rim; 0.15 m diameter
PULLEY_WIDTH = 0.03         # along Y, centred
PULLEY_GROOVE_DEPTH = 0.012
PULLEY_GROOVE_HALF = 0.009  # half-height of the groove opening at the rim
PULLEY_BORE = 0.01
PULLEY_SEGMENTS = 32


def f32(x):
    """Rounds to float32, as stored, so that min/max and tests see the same numbers."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def normalize(a):
    n = math.sqrt(dot(a, a))
    return (a[0] / n, a[1] / n, a[2] / n)


class Mesh:
    def __init__(self):
        self.positions = []
        self.normals = []
        self.indices = []

    def vertex(self, p, n):
        self.positions.append(tuple(f32(c) for c in p))
        self.normals.append(tuple(f32(c) for c in normalize(n)))
        return len(self.positions) - 1

    def quad(self, a, b, c, d, n):
        """Planar quad a-b-c-d, counter-clockwise seen from the side n points to."""
        i = [self.vertex(p, n) for p in (a, b, c, d)]
        self.indices += [i[0], i[1], i[2], i[0], i[2], i[3]]

    def polygon(self, points, n):
        """Fan-triangulated polygon (star-shaped from points[0]), CCW seen from n."""
        i = [self.vertex(p, n) for p in points]
        for k in range(1, len(i) - 1):
            self.indices += [i[0], i[k], i[k + 1]]

    def check(self):
        """Every triangle's geometric normal agrees with its vertex normals."""
        for t in range(0, len(self.indices), 3):
            a, b, c = (self.positions[i] for i in self.indices[t:t + 3])
            g = cross(sub(b, a), sub(c, a))
            for i in self.indices[t:t + 3]:
                assert dot(g, self.normals[i]) > 0, "triangle %d faces inwards" % (t // 3)
        keys = set(zip(self.positions, self.normals))
        assert len(keys) == len(self.positions), "duplicate vertex"


def hex_nut():
    m = Mesh()
    n = NUT_HOLE_SEGMENTS
    h = NUT_THICKNESS / 2
    corners = [(NUT_CORNER_RADIUS * math.cos(math.pi / 3 * k),
                NUT_CORNER_RADIUS * math.sin(math.pi / 3 * k)) for k in range(6)]

    def rim(i):  # point i of n evenly spaced along the hexagon's perimeter (x, z)
        side, step = divmod(i, n // 6)
        a, b = corners[side], corners[(side + 1) % 6]
        t = step / (n // 6)
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    def hole(i):
        a = 2 * math.pi * i / n
        return (NUT_HOLE_RADIUS * math.cos(a), NUT_HOLE_RADIUS * math.sin(a))

    # angles grow from +X towards +Z (the (x, z) pairs above): seen from +Y that is clockwise
    for y, ny in ((h, 1.0), (-h, -1.0)):       # top and bottom annulus
        ring_out = [m.vertex((rim(i)[0], y, rim(i)[1]), (0, ny, 0)) for i in range(n)]
        ring_in = [m.vertex((hole(i)[0], y, hole(i)[1]), (0, ny, 0)) for i in range(n)]
        for i in range(n):
            j = (i + 1) % n
            if ny > 0:
                m.indices += [ring_out[i], ring_in[i], ring_in[j], ring_out[i], ring_in[j], ring_out[j]]
            else:
                m.indices += [ring_out[i], ring_in[j], ring_in[i], ring_out[i], ring_out[j], ring_in[j]]
    for k in range(6):                         # six flat outer sides
        a, b = corners[k], corners[(k + 1) % 6]
        mid = ((a[0] + b[0]) / 2, 0, (a[1] + b[1]) / 2)
        m.quad((a[0], -h, a[1]), (a[0], h, a[1]), (b[0], h, b[1]), (b[0], -h, b[1]), mid)
    top = [m.vertex((hole(i)[0], h, hole(i)[1]), (-hole(i)[0], 0, -hole(i)[1])) for i in range(n)]
    bot = [m.vertex((hole(i)[0], -h, hole(i)[1]), (-hole(i)[0], 0, -hole(i)[1])) for i in range(n)]
    for i in range(n):                         # the hole, normals towards the axis
        j = (i + 1) % n
        m.indices += [top[i], bot[i], bot[j], top[i], bot[j], top[j]]
    m.check()
    assert len(m.positions) == 6 * n + 24 and len(m.indices) // 3 == 6 * n + 12
    return m


def bracket():
    m = Mesh()
    L, t, w = BRACKET_LEG, BRACKET_THICKNESS, BRACKET_WIDTH / 2
    # L outline in XY, counter-clockwise seen from +Z
    outline = [(0, 0), (L, 0), (L, t), (t, t), (t, L), (0, L)]
    m.polygon([(x, y, w) for x, y in outline], (0, 0, 1))                  # front end
    m.polygon([(x, y, -w) for x, y in reversed(outline)][-1:] +
              [(x, y, -w) for x, y in reversed(outline)][:-1], (0, 0, -1))  # back end, fan from origin
    for k in range(6):                                                     # the six long faces
        (x0, y0), (x1, y1) = outline[k], outline[(k + 1) % 6]
        nrm = (y1 - y0, -(x1 - x0), 0)
        m.quad((x0, y0, w), (x0, y0, -w), (x1, y1, -w), (x1, y1, w), nrm)
    # gusset: triangular rib in the inner corner, a closed prism
    g, gw = GUSSET_SIZE, GUSSET_THICKNESS / 2
    tri = [(t, t), (t + g, t), (t, t + g)]
    m.polygon([(x, y, gw) for x, y in tri], (0, 0, 1))
    m.polygon([(x, y, -gw) for x, y in reversed(tri)], (0, 0, -1))
    for k in range(3):
        (x0, y0), (x1, y1) = tri[k], tri[(k + 1) % 3]
        nrm = (y1 - y0, -(x1 - x0), 0)
        m.quad((x0, y0, gw), (x0, y0, -gw), (x1, y1, -gw), (x1, y1, gw), nrm)
    m.check()
    assert len(m.positions) == 54 and len(m.indices) // 3 == 28
    return m


def pulley():
    m = Mesh()
    R, h, bore = PULLEY_RADIUS, PULLEY_WIDTH / 2, PULLEY_BORE
    gh, gd = PULLEY_GROOVE_HALF, PULLEY_GROOVE_DEPTH
    # closed profile in the (r, y) half-plane, walked with the solid on the right-hand side
    # when r points right and y up: top face outwards, rim, groove, rim, bottom face, bore
    profile = [(bore, h), (R, h), (R, gh), (R - gd, 0), (R, -gh), (R, -h), (bore, -h)]
    s = PULLEY_SEGMENTS
    for k in range(len(profile)):
        (r0, y0), (r1, y1) = profile[k], profile[(k + 1) % len(profile)]
        nr, ny = (y0 - y1), (r1 - r0)            # outward normal of this profile edge
        ring0, ring1 = [], []
        for j in range(s):
            a = 2 * math.pi * j / s
            sa, ca = math.sin(a), math.cos(a)
            ring0.append(m.vertex((r0 * sa, y0, r0 * ca), (nr * sa, ny, nr * ca)))
        for j in range(s):
            a = 2 * math.pi * j / s
            sa, ca = math.sin(a), math.cos(a)
            ring1.append(m.vertex((r1 * sa, y1, r1 * ca), (nr * sa, ny, nr * ca)))
        for j in range(s):
            i = (j + 1) % s
            m.indices += [ring0[j], ring1[j], ring1[i], ring0[j], ring1[i], ring0[i]]
    m.check()
    assert len(m.positions) == 14 * s and len(m.indices) // 3 == 14 * s
    return m


def write_gltf(path, mesh, name, material):
    """One node, one mesh, one primitive; buffer embedded as a data URI."""
    pos = b"".join(struct.pack("<3f", *p) for p in mesh.positions)
    nrm = b"".join(struct.pack("<3f", *n) for n in mesh.normals)
    idx = b"".join(struct.pack("<H", i) for i in mesh.indices)
    assert len(mesh.positions) < 65536
    while len(idx) % 4:
        idx += b"\0"
    data = pos + nrm + idx
    lo = [min(p[k] for p in mesh.positions) for k in range(3)]
    hi = [max(p[k] for p in mesh.positions) for k in range(3)]
    doc = {
        "asset": {"version": "2.0", "generator": "practicum scripts/make_models.py"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": name}],
        "meshes": [{"name": name, "primitives": [{
            "attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0, "mode": 4}]}],
        "materials": [material],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": len(mesh.positions), "type": "VEC3",
             "min": lo, "max": hi},
            {"bufferView": 1, "componentType": 5126, "count": len(mesh.normals), "type": "VEC3"},
            {"bufferView": 2, "componentType": 5123, "count": len(mesh.indices), "type": "SCALAR"},
        ],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(pos), "target": 34962},
            {"buffer": 0, "byteOffset": len(pos), "byteLength": len(nrm), "target": 34962},
            {"buffer": 0, "byteOffset": len(pos) + len(nrm), "byteLength": len(mesh.indices) * 2,
             "target": 34963},
        ],
        "buffers": [{"byteLength": len(data),
                     "uri": "data:application/octet-stream;base64," +
                            base64.b64encode(data).decode("ascii")}],
    }
    with open(path, "w", newline="\n") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def fmt(x):
    return "%.9g" % x


def write_obj(path, mesh, name, mtl_name, material):
    lines = ["# %s: generated by scripts/make_models.py (Practicum project), metres, Y up" % name,
             "mtllib %s" % os.path.basename(mtl_name), "o %s" % name]
    lines += ["v %s %s %s" % tuple(fmt(c) for c in p) for p in mesh.positions]
    lines += ["vn %s %s %s" % tuple(fmt(c) for c in n) for n in mesh.normals]
    lines.append("usemtl %s" % material)
    for t in range(0, len(mesh.indices), 3):
        a, b, c = (i + 1 for i in mesh.indices[t:t + 3])
        lines.append("f %d//%d %d//%d %d//%d" % (a, a, b, b, c, c))
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(mtl_name, "w", newline="\n") as f:
        f.write("# bracket material: generated by scripts/make_models.py\n"
                "newmtl %s\nKa 0 0 0\nKd 0.55 0.57 0.6\nKs 0.5 0.5 0.5\nNs 60\nd 1\nillum 2\n"
                "Pr 0.45\nPm 1\n" % material)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    os.makedirs(SCENARIO_DIR, exist_ok=True)
    write_gltf(os.path.join(OUT_DIR, "hex_nut.gltf"), hex_nut(), "hex_nut",
               {"name": "zinc_plated_steel", "pbrMetallicRoughness": {
                   "baseColorFactor": [0.78, 0.79, 0.8, 1.0], "metallicFactor": 1.0,
                   "roughnessFactor": 0.35}})
    write_gltf(os.path.join(OUT_DIR, "pulley.gltf"), pulley(), "pulley",
               {"name": "cast_iron", "pbrMetallicRoughness": {
                   "baseColorFactor": [0.3, 0.31, 0.33, 1.0], "metallicFactor": 1.0,
                   "roughnessFactor": 0.6}})
    write_obj(os.path.join(OUT_DIR, "bracket.obj"), bracket(), "bracket",
              os.path.join(OUT_DIR, "bracket.mtl"), "galvanised_steel")
    for name in ("hex_nut.gltf", "pulley.gltf", "bracket.obj", "bracket.mtl"):
        shutil.copyfile(os.path.join(OUT_DIR, name), os.path.join(SCENARIO_DIR, name))


if __name__ == "__main__":
    main()
