//! Import and export of spreadsheets (XLSX via calamine / rust_xlsxwriter, CSV in UTF-8 or GBK).
