// web (topology): how the graph looks — networks as pale boxes, VMs as white boxes, interfaces and pods
// as labelled rounded boxes, links solid, pod veths blue, the kernel's routing dotted, tunnels dashed
// magenta. Colours keep text at 4.5:1 contrast or more against its background.

import type { StylesheetJson } from 'cytoscape';

export const CY_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'font-family': 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace',
      'font-size': 10.5,
      color: '#1f2328',
      'text-valign': 'center',
      'text-halign': 'center',
      shape: 'round-rectangle',
      width: 'data(w)',
      height: 'data(h)',
      'background-color': '#f6f8fa',
      'border-width': 1,
      'border-color': '#6e7781',
    },
  },
  {
    selector: ':parent',
    style: {
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': 0,
      'font-weight': 'bold',
      'font-size': 12,
      padding: '10px',
      'compound-sizing-wrt-labels': 'include',
      'background-opacity': 1,
    },
  },
  { selector: 'node[kind = "network"]', style: { 'background-color': '#eaf2fb', 'border-color': '#54708f', 'border-style': 'solid', shape: 'round-rectangle' } },
  { selector: 'node[kind = "host"]', style: { 'background-color': '#ffffff', 'border-color': '#424a53', 'border-width': 1.5 } },
  { selector: 'node[kind = "switch"]', style: { 'background-color': '#d0d7de', 'border-color': '#424a53', shape: 'rectangle' } },
  { selector: 'node[kind = "pod"]', style: { 'background-color': '#ddf4ff', 'border-color': '#0969da' } },
  { selector: 'node[kind = "pods"]', style: { 'background-color': '#f6f8fa', 'border-style': 'dashed' } },
  { selector: 'node.nat', style: { 'border-style': 'dashed' } },
  { selector: 'node.down', style: { 'background-color': '#ffebe9', 'border-color': '#cf222e' } },
  { selector: 'node.pending', style: { 'background-color': '#fff8c5', 'border-color': '#9a6700' } },
  { selector: 'node.dropped', style: { 'border-color': '#cf222e', 'border-width': 3 } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#57606a', 'curve-style': 'bezier' } },
  { selector: 'edge[kind = "veth"]', style: { 'line-color': '#0969da', width: 1.2 } },
  { selector: 'edge[kind = "stack"]', style: { 'line-style': 'dotted', 'line-color': '#8c959f', width: 1.2 } },
  {
    selector: 'edge[kind = "tunnel"]',
    style: {
      'line-style': 'dashed',
      'line-color': '#bf3989',
      width: 2.5,
      'curve-style': 'unbundled-bezier',
      'control-point-distances': [-60],
      'control-point-weights': [0.5],
      label: 'data(label)',
      'font-size': 10,
      color: '#8a1c5e',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
    },
  },
  { selector: 'edge.carrying', style: { width: 5, 'line-color': '#bf3989' } },
];
