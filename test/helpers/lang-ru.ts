// Imported first by a test file: the page is Russian before any module of the library evaluates.
document.documentElement.lang = 'ru';
