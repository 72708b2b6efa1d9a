// A React application that uses eService Widgets through the `eservice-widgets/react` wrappers (@lit/react),
// the way a React team would: props for properties, onEs* callbacks for events. Built by demo/react/build.mjs.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EsProvider, EsLogin, EsCaseList, EsCaseDetail, EsKbSearch } from '../../src/react/index.ts';

function App({ config }) {
  const [caseId, setCaseId] = useState(null);
  const [selections, setSelections] = useState(0);
  return (
    <EsProvider apiUrl={config.apiUrl} authority={config.authority} clientId={config.clientId} resource={config.resource}>
      <header className="bar">
        <h1>React support dashboard</h1>
        <EsLogin />
      </header>
      <main className="grid">
        <section>
          <h2>Cases <small>({selections} opened from React)</small></h2>
          <EsCaseList onEsCaseSelect={(event) => { event.preventDefault(); setCaseId(event.detail.id); setSelections((n) => n + 1); }} />
        </section>
        <section>
          {caseId
            ? <><button type="button" onClick={() => setCaseId(null)}>Back to the knowledge base</button><EsCaseDetail caseId={caseId} /></>
            : <><h2>Knowledge base</h2><EsKbSearch /></>}
        </section>
      </main>
    </EsProvider>
  );
}

const config = await (await fetch('/config.json')).json();
createRoot(document.getElementById('root')).render(<App config={config} />);
