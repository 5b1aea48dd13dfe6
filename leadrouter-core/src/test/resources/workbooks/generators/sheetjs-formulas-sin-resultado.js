// Writes leads with SheetJS, whose formulas carry no result unless one is given.
const XLSX = require('xlsx');
const ws = XLSX.utils.aoa_to_sheet([
  ['Nombre', 'Email', 'Teléfono', 'Curso Interesado', 'Fecha entrada', 'Origen del leads', 'Nombre de pila', 'Apellidos'],
  [{t: 's', f: 'G2&" "&H2'}, {t: 's', f: 'LOWER(G2)&"@example.com"'}, 612345678, 'Salud', '05/07/2025', 'Portales', 'Lucía', 'Fernández'],
]);
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, 'Hoja1');
XLSX.writeFile(wb, process.argv[2]);
console.log('written', process.argv[2]);
