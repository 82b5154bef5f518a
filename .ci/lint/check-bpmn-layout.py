#!/usr/bin/env python3
"""Layout check for BPMN diagrams: models read left to right, nothing lies on top of anything else.

Measured from the diagram interchange (BPMNDI) of every file given (default: processes/*.bpmn):
  crossings    pairs of sequence flows whose drawn segments meet. Pairs that share a source or a
               target are not counted (they fan out of / into the same shape), nor a meeting point
               on a shape both flows touch (one ends where the other starts);
  back-edges   flows that run against the reading direction: the end lies more than LANE_WIDTH to
               the left of the start, or one segment runs more than LANE_WIDTH to the left. A loop's
               return (a flow whose target leads back to its source) may run back over the loop's
               own steps, up to LOOP_SPAN: a retry or instalment loop reads well drawn on one row
               with its return above or below it, and folding it into a LANE_WIDTH-wide column
               would stop it reading left to right. Further back, it loops round the diagram;
  labels       external labels (events, gateways, named flows) whose text box overlaps a shape,
               another label or a flow (other than the labelled flow itself). A label without
               BPMNLabel bounds is placed where bpmn-js (Modeler) places it: centred under its
               shape, or above the middle segment of its flow;
  through      flows drawn through a shape, their own source and target included (a flow touches
               those on their outline only).

The text box of a label is estimated as bpmn-js lays it out: Arial 11 px, wrapped at 90 px,
13.2 px per line, centred on the label's bounds and starting at their top (bpmn-js resizes a label to
its text on import, keeping the centre and the top).

Every count must be zero, except for a model given an allowance in ALLOWANCES below; no model has
one today. Exit code 0 when every model is within its allowance, 1 otherwise.
Usage: python3 .ci/lint/check-bpmn-layout.py [--self-test] [FILE...]
"""
import glob
import math
import os
import re
import sys
import xml.etree.ElementTree as ET

# One lane's width: how far a flow may run back to the left before it counts as running against
# the reading direction.
LANE_WIDTH = 250.0
# How far the return of a loop may run back: a loop over a handful of steps on one row.
LOOP_SPAN = 1000.0

# Models measured as they are, not yet fixed, by file name: their counts may only go down, e.g.
#   "some-model.bpmn": {"crossings": 5, "back_edges": 2, "labels": 18, "through": 0},
# Lower the counts, or remove the entry, as the model improves. Every model is at zero today.
ALLOWANCES = {}

COUNTS = ("crossings", "back_edges", "labels", "through")

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"

FLOW_NODE_TAGS = {
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
    "task", "serviceTask", "userTask", "manualTask", "scriptTask", "businessRuleTask", "sendTask",
    "receiveTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
    "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
}
CONTAINER_TAGS = {"subProcess", "transaction", "adHocSubProcess"}
EXTERNAL_LABEL_TAGS = {t for t in FLOW_NODE_TAGS if t.endswith("Event") or t.endswith("Gateway")}

# bpmn-js draws external labels in 11 px Arial (or a metric-compatible font) and wraps them at 90 px.
FONT_SIZE = 11.0
LINE_HEIGHT = FONT_SIZE * 1.2
WRAP_WIDTH = 90.0
DEFAULT_LABEL_HEIGHT = 20.0
FLOW_LABEL_INDENT = 15.0
# Arial advance widths in 1/1000 em; other characters count as DEFAULT_ADVANCE.
ADVANCE = {" ": 278, "!": 278, "'": 191, "(": 333, ")": 333, ",": 278, "-": 333, ".": 278, "/": 278,
           ":": 278, ";": 278, "?": 556, "%": 889, "&": 667, "<": 584, ">": 584, "=": 584, "+": 584,
           "f": 278, "i": 222, "j": 222, "l": 222, "m": 833, "r": 333, "t": 278, "w": 722,
           "c": 500, "k": 500, "s": 500, "v": 500, "x": 500, "y": 500, "z": 500,
           "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722, "I": 278,
           "J": 500, "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667, "Q": 778, "R": 722,
           "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667, "Y": 667, "Z": 611}
DEFAULT_ADVANCE = 556
# Shapes and labels may touch; they overlap when they share more than this many pixels each way.
TOUCH = 1.0


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def text_width(text):
    return sum(ADVANCE.get(ch, DEFAULT_ADVANCE) for ch in text) * FONT_SIZE / 1000.0


def wrapped_lines(text):
    """Greedy word wrap at WRAP_WIDTH, as diagram-js lays out label text."""
    lines = []
    for paragraph in re.split(r"\r?\n", text.strip()):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate) > WRAP_WIDTH:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def text_box(text, centre_x, top):
    lines = wrapped_lines(text)
    width = min(max(text_width(line) for line in lines), WRAP_WIDTH)
    return (centre_x - width / 2, top, width, len(lines) * LINE_HEIGHT)


def overlap(a, b, margin=TOUCH):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return (min(ax + aw, bx + bw) - max(ax, bx) > margin) and (min(ay + ah, by + bh) - max(ay, by) > margin)


def orientation(p, q, r):
    value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return 0 if abs(value) < 1e-9 else (1 if value > 0 else -1)


def on_segment(p, q, r):
    return min(p[0], r[0]) - 1e-9 <= q[0] <= max(p[0], r[0]) + 1e-9 and \
        min(p[1], r[1]) - 1e-9 <= q[1] <= max(p[1], r[1]) + 1e-9


def meeting_points(p1, p2, q1, q2):
    """Points where segment p1-p2 meets segment q1-q2 (the ends of the overlap if they are collinear)."""
    o1, o2 = orientation(p1, p2, q1), orientation(p1, p2, q2)
    o3, o4 = orientation(q1, q2, p1), orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4 and 0 not in (o1, o2, o3, o4):
        d = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0])
        t = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / d
        return [(p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1]))]
    points = []
    for a, b, c, o in ((p1, q1, p2, o1), (p1, q2, p2, o2), (q1, p1, q2, o3), (q1, p2, q2, o4)):
        if o == 0 and on_segment(a, b, c):
            points.append(b)
    return points


def inside(point, bounds, tolerance=2.0):
    x, y = point
    bx, by, bw, bh = bounds
    return bx - tolerance <= x <= bx + bw + tolerance and by - tolerance <= y <= by + bh + tolerance


def segment_enters(p, q, bounds, inset=2.0):
    """True when segment p-q passes through the inside of bounds (shrunk by inset: touching is fine)."""
    bx, by, bw, bh = bounds
    x0, y0, x1, y1 = bx + inset, by + inset, bx + bw - inset, by + bh - inset
    if x1 <= x0 or y1 <= y0:
        return False
    # Liang-Barsky clipping of the segment against the rectangle.
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
        else:
            t = edge_q / edge_p
            if edge_p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t1 - t0 > 1e-6


class Model:
    def __init__(self, root):
        self.nodes, self.flows, self.parent, self.attached = {}, {}, {}, {}
        for process in root.iter(f"{{{BPMN}}}process"):
            self._collect(process, None)
        self.shapes, self.edges, self.label_bounds = {}, {}, {}
        for shape in root.iter(f"{{{BPMNDI}}}BPMNShape"):
            ref = shape.get("bpmnElement")
            bounds = shape.find(f"{{{DC}}}Bounds")
            if ref in self.nodes and bounds is not None:
                self.shapes[ref] = tuple(float(bounds.get(k)) for k in ("x", "y", "width", "height"))
            self._label(shape, ref)
        for edge in root.iter(f"{{{BPMNDI}}}BPMNEdge"):
            ref = edge.get("bpmnElement")
            if ref in self.flows:
                self.edges[ref] = [(float(w.get("x")), float(w.get("y"))) for w in edge.findall(f"{{{DI}}}waypoint")]
            self._label(edge, ref)

    def _collect(self, container, container_id):
        for el in container:
            tag = local(el.tag)
            if not el.tag.startswith(f"{{{BPMN}}}"):
                continue
            if tag in FLOW_NODE_TAGS:
                self.nodes[el.get("id")] = el
                self.parent[el.get("id")] = container_id
                if el.get("attachedToRef"):
                    self.attached[el.get("id")] = el.get("attachedToRef")
                if tag in CONTAINER_TAGS:
                    self._collect(el, el.get("id"))
            elif tag == "sequenceFlow":
                self.flows[el.get("id")] = el
                self.parent[el.get("id")] = container_id

    def _label(self, di, ref):
        label = di.find(f"{{{BPMNDI}}}BPMNLabel/{{{DC}}}Bounds")
        if label is not None:
            self.label_bounds[ref] = tuple(float(label.get(k)) for k in ("x", "y", "width", "height"))

    def ancestors(self, element_id):
        found, current = set(), self.parent.get(element_id)
        while current:
            found.add(current)
            current = self.parent.get(current)
        return found

    def ends(self, flow_id):
        flow = self.flows[flow_id]
        return flow.get("sourceRef"), flow.get("targetRef")

    def labels(self):
        """(element id, text box) of every external label with text."""
        found = []
        for node_id, node in self.nodes.items():
            name = (node.get("name") or "").strip()
            if name and local(node.tag) in EXTERNAL_LABEL_TAGS and node_id in self.shapes:
                x, y, w, h = self.shapes[node_id]
                found.append((node_id, self._text_box(node_id, name, (x + w / 2, y + h + DEFAULT_LABEL_HEIGHT / 2))))
        for flow_id, flow in self.flows.items():
            name = (flow.get("name") or "").strip()
            if name and len(self.edges.get(flow_id, [])) >= 2:
                found.append((flow_id, self._text_box(flow_id, name, flow_label_mid(self.edges[flow_id]))))
        return found

    def _text_box(self, element_id, name, default_mid):
        if element_id in self.label_bounds:
            x, y, w, _ = self.label_bounds[element_id]
            return text_box(name, x + w / 2, y)
        return text_box(name, default_mid[0], default_mid[1] - DEFAULT_LABEL_HEIGHT / 2)

    def successors(self):
        """Sequence flows, plus host -> boundary event (an interrupted task goes on at its boundary event)."""
        following = {}
        for source, target in (self.ends(f) for f in self.flows):
            following.setdefault(source, set()).add(target)
        for boundary, host in self.attached.items():
            following.setdefault(host, set()).add(boundary)
        return following

    def reachable(self, start):
        following, seen, todo = self.successors(), {start}, [start]
        while todo:
            for nxt in following.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def closes_loop(self, flow_id):
        source, target = self.ends(flow_id)
        return source in self.reachable(target)


def flow_label_mid(waypoints):
    """Where bpmn-js puts a flow's label when the diagram gives none (LabelUtil.getFlowLabelPosition)."""
    first, second = middle_segment(waypoints)
    x, y = first[0] + (second[0] - first[0]) / 2, first[1] + (second[1] - first[1]) / 2
    if second[0] == first[0]:  # vertical (atan gives +-90 degrees): the label goes to the right
        return x + FLOW_LABEL_INDENT, y
    return x, y - FLOW_LABEL_INDENT


def middle_segment(waypoints):
    mid = len(waypoints) / 2 - 1
    return waypoints[math.floor(mid)], waypoints[math.ceil(mid + 0.01)]


def segments(points):
    return list(zip(points, points[1:]))


def crossings(model, flow_ids):
    found = []
    for i, a in enumerate(flow_ids):
        a_ends = model.ends(a)
        for b in flow_ids[i + 1:]:
            b_ends = model.ends(b)
            if a_ends[0] == b_ends[0] or a_ends[1] == b_ends[1]:
                continue
            shared = [model.shapes[n] for n in set(a_ends) & set(b_ends) if n in model.shapes]
            hits = [pt for p1, p2 in segments(model.edges[a]) for q1, q2 in segments(model.edges[b])
                    for pt in meeting_points(p1, p2, q1, q2) if not any(inside(pt, s) for s in shared)]
            if hits:
                found.append(f"{a} crosses {b} at ({hits[0][0]:.0f}, {hits[0][1]:.0f})")
    return found


def back_edges(model, flow_ids):
    found = []
    for flow_id in flow_ids:
        points = model.edges[flow_id]
        net = points[0][0] - points[-1][0]
        longest = max((p[0] - q[0] for p, q in segments(points)), default=0.0)
        limit = LOOP_SPAN if model.closes_loop(flow_id) else LANE_WIDTH
        if net > limit or longest > limit:
            found.append(f"{flow_id} runs back {max(net, longest):.0f} px (limit {limit:.0f})")
    return found


def label_collisions(model, flow_ids):
    found = []
    labels = model.labels()
    for i, (owner, box) in enumerate(labels):
        for node_id, bounds in model.shapes.items():
            if node_id not in model.ancestors(owner) and overlap(box, bounds):
                found.append(f"label of {owner} lies on {node_id}")
        for other, other_box in labels[i + 1:]:
            if overlap(box, other_box):
                found.append(f"label of {owner} overlaps label of {other}")
        for flow_id in flow_ids:
            if flow_id != owner and any(segment_enters(p, q, box, inset=TOUCH) for p, q in segments(model.edges[flow_id])):
                found.append(f"label of {owner} is crossed by {flow_id}")
    return found


def flows_through_shapes(model, flow_ids):
    found = []
    for flow_id in flow_ids:
        # A flow crosses the sub-process it is drawn in, and a boundary event's flow starts on its host's edge.
        allowed = model.ancestors(flow_id) | {model.attached[end] for end in model.ends(flow_id) if end in model.attached}
        for node_id, bounds in model.shapes.items():
            # Its own source and target count too: a flow touches them on their outline only.
            if node_id not in allowed and any(segment_enters(p, q, bounds) for p, q in segments(model.edges[flow_id])):
                found.append(f"{flow_id} runs through {node_id}")
    return found


def measure(model):
    flow_ids = sorted(f for f in model.flows if len(model.edges.get(f, [])) >= 2)
    return {
        "crossings": crossings(model, flow_ids),
        "back_edges": back_edges(model, flow_ids),
        "labels": label_collisions(model, flow_ids),
        "through": flows_through_shapes(model, flow_ids),
    }


def allowance_for(path):
    return ALLOWANCES.get(os.path.basename(path), {name: 0 for name in COUNTS})


def check(paths):
    failed = False
    rows = []
    for path in paths:
        try:
            findings = measure(Model(ET.parse(path).getroot()))
        except ET.ParseError as e:
            print(f"{path}: XML does not parse: {e}")
            failed = True
            continue
        allowance = allowance_for(path)
        over = [name for name in COUNTS if len(findings[name]) > allowance[name]]
        failed = failed or bool(over)
        rows.append((path, findings, allowance, over))

    width = max([len(p) for p, *_ in rows] + [5])
    print(f"{'model':<{width}}  crossings  back-edges  labels  through  result")
    for path, findings, allowance, over in rows:
        cells = []
        for name in COUNTS:
            cell = str(len(findings[name]))
            if allowance[name]:
                cell += f"/{allowance[name]}"
            cells.append(cell)
        result = "OVER: " + ", ".join(over) if over else ("ok (baseline)" if any(allowance.values()) else "ok")
        print(f"{path:<{width}}  {cells[0]:>9}  {cells[1]:>10}  {cells[2]:>6}  {cells[3]:>7}  {result}")
    for path, findings, allowance, over in rows:
        # A model within its baseline is known to be untidy: list its findings only when it got worse.
        if over or not any(allowance.values()):
            for name in COUNTS:
                for finding in findings[name]:
                    print(f"  {os.path.basename(path)}: {finding}")
    return 1 if failed else 0


def self_test():
    """Run the check on the synthetic models in tests/: each states its expected counts in a comment
    such as <!-- expect crossings=1 back_edges=0 labels=0 through=0 -->."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests")
    paths = sorted(glob.glob(os.path.join(folder, "*.bpmn")))
    if not paths:
        print(f"no self-test models in {folder}")
        return 1
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as f:
            expected = re.search(r"<!--\s*expect\s+([^>]*?)-->", f.read())
        if not expected:
            print(f"{path}: no <!-- expect ... --> comment")
            failed = True
            continue
        wanted = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", expected.group(1))}
        findings = measure(Model(ET.parse(path).getroot()))
        got = {name: len(findings[name]) for name in COUNTS}
        wrong = {k: (v, got[k]) for k, v in wanted.items() if got[k] != v}
        if wrong:
            failed = True
            print(f"FAIL {os.path.basename(path)}: expected/got {wrong}")
            for name in COUNTS:
                for finding in findings[name]:
                    print(f"  {finding}")
        else:
            print(f"ok   {os.path.basename(path)}: {got}")
    return 1 if failed else 0


def main(argv):
    if argv[:1] == ["--self-test"]:
        return self_test()
    files = argv or sorted(glob.glob("processes/*.bpmn"))
    if not files:
        print("no BPMN files found", file=sys.stderr)
        return 1
    return check(files)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
