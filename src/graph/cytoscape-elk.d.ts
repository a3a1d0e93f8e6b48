/** cytoscape-elk ships no types: it is a plain Cytoscape extension. */
declare module 'cytoscape-elk' {
  import type cytoscape from 'cytoscape';

  const register: cytoscape.Ext;
  export default register;
}
