// Writes leads as xlsxwriter does: every formula saved with 0 as its result, and the workbook set to be
// recalculated when opened (fullCalcOnLoad), so that the 0 is only a placeholder.
const ExcelJS = require('exceljs');
const wb = new ExcelJS.Workbook();
wb.creator = 'exceljs';
wb.calcProperties.fullCalcOnLoad = true;
const ws = wb.addWorksheet('Hoja1');
ws.addRow(['Nombre', 'Email', 'Teléfono', 'Curso Interesado', 'Fecha entrada', 'Origen del leads', 'Nombre de pila', 'Apellidos']);
ws.addRow([{formula: 'G2&" "&H2', result: 0}, {formula: 'LOWER(G2)&"@example.com"', result: 0}, 612345678, 'Salud', new Date(Date.UTC(2025, 6, 5)), 'Portales', 'Lucía', 'Fernández']);
ws.addRow([{formula: 'G3&" "&H3', result: 0}, 'marcos.ruiz@example.com', {formula: '600000000+23456789', result: 0}, 'Electricidad', new Date(Date.UTC(2025, 6, 28)), 'SEO', 'Marcos', 'Ruiz']);
ws.getColumn(5).numFmt = 'dd/mm/yyyy';
wb.xlsx.writeFile(process.argv[2]).then(() => console.log('written', process.argv[2]));
