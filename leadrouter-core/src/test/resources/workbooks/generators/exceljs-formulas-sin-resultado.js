// Writes leads whose cells are formulas saved without their cached results, as exceljs does when no result is given.
const ExcelJS = require('exceljs');
const wb = new ExcelJS.Workbook();
wb.creator = 'exceljs';
const ws = wb.addWorksheet('Hoja1');
ws.addRow(['Nombre', 'Email', 'Teléfono', 'Curso Interesado', 'Fecha entrada', 'Origen del leads', 'Nombre de pila', 'Apellidos']);
ws.addRow([{formula: 'G2&" "&H2'}, {formula: 'LOWER(G2)&"."&LOWER(SUBSTITUTE(H2," ",""))&"@example.com"'}, {formula: '600000000+123456'}, 'Salud', new Date(Date.UTC(2025, 6, 5)), 'Portales', 'Lucía', 'Fernández Gil']);
ws.addRow([{formula: 'G3&" "&H3'}, 'marcos.ruiz@example.com', 623456789, {formula: 'IF(C3>0,"Electricidad","")'}, new Date(Date.UTC(2025, 6, 28)), 'SEO', 'Marcos', 'Ruiz']);
ws.addRow([{formula: 'WEBSERVICE("http://crm.example.com/nombre?id=4")'}, 'sin.nombre@example.com', 634567890, 'Salud', new Date(Date.UTC(2025, 6, 28)), 'SEO', '', '']);
ws.addRow([{formula: '[precios.xlsx]Hoja1!A1'}, 'externo@example.com', 645678901, 'Salud', new Date(Date.UTC(2025, 6, 28)), 'SEO', '', '']);
ws.getColumn(5).numFmt = 'dd/mm/yyyy';
wb.xlsx.writeFile(process.argv[2]).then(() => console.log('written', process.argv[2]));
