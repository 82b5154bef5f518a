#!/usr/bin/env python3
"""Well-formedness check for BPMN files: diagram interchange is complete and consistent.

For every file given (default: processes/*.bpmn) it checks that
  * the XML parses and every id is unique;
  * every flow node (events, tasks, gateways, sub-processes) has exactly one BPMNShape
    and every sequence flow exactly one BPMNEdge with at least two waypoints;
  * every BPMNShape/BPMNEdge points at an existing element;
  * sequence flows reference existing source/target nodes, and the nodes list them
    in their <incoming>/<outgoing>;
  * each edge starts on its source shape and ends on its target shape (within 2 px);
  * messageRef/errorRef/... point at existing root elements.
Exit code 0 when all files pass, 1 otherwise.  Usage: python3 .ci/lint/check-bpmn-di.py [FILE...]
"""
import glob
import sys
import xml.etree.ElementTree as ET

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
REF_ATTRS = ("messageRef", "errorRef", "escalationRef", "signalRef")
TOLERANCE = 2.0


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def on_boundary(point, bounds):
    x, y = point
    bx, by, bw, bh = bounds
    inside = bx - TOLERANCE <= x <= bx + bw + TOLERANCE and by - TOLERANCE <= y <= by + bh + TOLERANCE
    return inside


def check(path):
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f"XML does not parse: {e}"]

    ids = {}
    for el in root.iter():
        el_id = el.get("id")
        if el_id:
            if el_id in ids:
                problems.append(f"duplicate id {el_id}")
            ids[el_id] = el

    nodes, flows = {}, {}
    for process in root.iter(f"{{{BPMN}}}process"):
        for el in process.iter():
            tag = local(el.tag)
            if el.tag.startswith(f"{{{BPMN}}}") and tag in FLOW_NODE_TAGS:
                nodes[el.get("id")] = el
            elif el.tag == f"{{{BPMN}}}sequenceFlow":
                flows[el.get("id")] = el

    shapes, edges = {}, {}
    for shape in root.iter(f"{{{BPMNDI}}}BPMNShape"):
        ref = shape.get("bpmnElement")
        if ref not in ids:
            problems.append(f"BPMNShape {shape.get('id')} points at missing element {ref}")
        if ref in shapes:
            problems.append(f"{ref} has more than one BPMNShape")
        b = shape.find(f"{{{DC}}}Bounds")
        shapes[ref] = tuple(float(b.get(k)) for k in ("x", "y", "width", "height")) if b is not None else None
        if b is None:
            problems.append(f"BPMNShape of {ref} has no Bounds")
    for edge in root.iter(f"{{{BPMNDI}}}BPMNEdge"):
        ref = edge.get("bpmnElement")
        if ref not in ids:
            problems.append(f"BPMNEdge {edge.get('id')} points at missing element {ref}")
        if ref in edges:
            problems.append(f"{ref} has more than one BPMNEdge")
        edges[ref] = [(float(w.get("x")), float(w.get("y"))) for w in edge.findall(f"{{{DI}}}waypoint")]

    for node_id in nodes:
        if node_id not in shapes:
            problems.append(f"flow node {node_id} has no BPMNShape")

    for flow_id, flow in flows.items():
        src, tgt = flow.get("sourceRef"), flow.get("targetRef")
        for end, ref, listing in (("source", src, "outgoing"), ("target", tgt, "incoming")):
            if ref not in nodes:
                problems.append(f"sequence flow {flow_id} has unknown {end} {ref}")
                continue
            listed = [e.text.strip() for e in nodes[ref].findall(f"{{{BPMN}}}{listing}") if e.text]
            if flow_id not in listed:
                problems.append(f"{ref} does not list {flow_id} in <{listing}>")
        if flow_id not in edges:
            problems.append(f"sequence flow {flow_id} has no BPMNEdge")
            continue
        points = edges[flow_id]
        if len(points) < 2:
            problems.append(f"BPMNEdge of {flow_id} has fewer than two waypoints")
            continue
        if shapes.get(src) and not on_boundary(points[0], shapes[src]):
            problems.append(f"BPMNEdge of {flow_id} does not start on {src}")
        if shapes.get(tgt) and not on_boundary(points[-1], shapes[tgt]):
            problems.append(f"BPMNEdge of {flow_id} does not end on {tgt}")

    for el in root.iter():
        for attr in REF_ATTRS:
            ref = el.get(attr)
            if ref and ref not in ids:
                problems.append(f"{el.get('id')} has {attr}={ref}, which does not exist")

    if not problems:
        print(f"{path}: OK ({len(nodes)} flow nodes, {len(flows)} sequence flows, all with diagram interchange)")
    return problems


def main(argv):
    files = argv or sorted(glob.glob("processes/*.bpmn"))
    if not files:
        print("no BPMN files found", file=sys.stderr)
        return 1
    failed = False
    for path in files:
        for problem in check(path):
            failed = True
            print(f"{path}: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
