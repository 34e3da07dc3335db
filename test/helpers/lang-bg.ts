// Imported first by a test file: the page is Bulgarian before any module of the library evaluates.
document.documentElement.lang = 'bg';
