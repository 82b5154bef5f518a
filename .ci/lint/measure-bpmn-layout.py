#!/usr/bin/env python3
"""Measures how a BPMN diagram reads, from its diagram interchange: sequence flows that cross one another,
how far each flow runs back against the reading direction (leftward, in px), and labels whose bounds lie
on a shape (sub-processes excepted). Exit code 1 when a flow crosses another, runs back more than 250 px
(about one lane's width) or a label lies on a shape.  Usage: python3 .ci/lint/measure-bpmn-layout.py FILE...
Labels are checked by their DI bounds; bpmn.io lays a label's text out in a box about 90 px wide around
the bounds' centre, so look at the rendered diagram too."""
import sys, itertools
import xml.etree.ElementTree as ET
NS = {'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL', 'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
      'dc': 'http://www.omg.org/spec/DD/20100524/DC', 'di': 'http://www.omg.org/spec/DD/20100524/DI'}

def segs(pts):
    return list(zip(pts, pts[1:]))

def cross(a, b):
    (p1, p2), (p3, p4) = a, b
    def orient(p, q, r):
        v = (q[0]-p[0])*(r[1]-p[1]) - (q[1]-p[1])*(r[0]-p[0])
        return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(p1,p2,p3), orient(p1,p2,p4), orient(p3,p4,p1), orient(p3,p4,p2)
    return o1*o2 < 0 and o3*o4 < 0

def main(path):
    root = ET.parse(path).getroot()
    flows = {f.get('id'): f for f in root.iter('{%s}sequenceFlow' % NS['bpmn'])}
    edges, shapes, labels = {}, {}, {}
    for e in root.iter('{%s}BPMNEdge' % NS['bpmndi']):
        if e.get('bpmnElement') in flows:
            edges[e.get('bpmnElement')] = [(float(w.get('x')), float(w.get('y'))) for w in e.findall('di:waypoint', NS)]
        lb = e.find('bpmndi:BPMNLabel/dc:Bounds', NS)
        if lb is not None: labels[e.get('bpmnElement')] = tuple(float(lb.get(k)) for k in 'x y width height'.split())
    for s in root.iter('{%s}BPMNShape' % NS['bpmndi']):
        b = s.find('dc:Bounds', NS)
        shapes[s.get('bpmnElement')] = tuple(float(b.get(k)) for k in 'x y width height'.split())
        lb = s.find('bpmndi:BPMNLabel/dc:Bounds', NS)
        if lb is not None: labels[s.get('bpmnElement')] = tuple(float(lb.get(k)) for k in 'x y width height'.split())
    crossings = []
    for (a, pa), (b, pb) in itertools.combinations(edges.items(), 2):
        if any(cross(s, t) for s in segs(pa) for t in segs(pb)):
            crossings.append((a, b))
    back = []
    for f, pts in edges.items():
        run = max((max(p[0] for p in pts[:i+1]) - pts[i][0]) for i in range(len(pts)))
        if run > 0: back.append((run, f))
    containers = {k for k, v in shapes.items() if v[2] > 300}
    on_shapes = []
    for l, (lx, ly, lw, lh) in labels.items():
        for s, (sx, sy, sw, sh) in shapes.items():
            if s == l or s in containers: continue
            if lx < sx + sw and sx < lx + lw and ly < sy + sh and sy < ly + lh:
                on_shapes.append((l, s))
    print(f"{path}: {len(crossings)} crossings, {len([b for b in back if b[0] > 250])} flows back > 250 px, "
          f"longest back {max(back)[0] if back else 0:.0f} px, {len(on_shapes)} labels on shapes")
    for c in crossings: print('  crossing', *c)
    for r, f in sorted(back, reverse=True): print(f'  back {r:.0f} {f}')
    for l, s in on_shapes: print('  label of', l, 'on', s)
    return 1 if crossings or on_shapes or any(b[0] > 250 for b in back) else 0

if __name__ == '__main__':
    sys.exit(max(main(p) for p in sys.argv[1:]))
