// The entry of the React example page (index.html): renders <SignUp /> into #root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignUp } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignUp />
  </StrictMode>,
);
