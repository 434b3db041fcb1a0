import { createApp } from 'vue';
import App from './App.vue';
import './styles/main.css';
import type { UserModule } from './types';

const app = createApp(App);

// vitesse-style: each src/modules/*.ts installs one concern. Modules reach each other by
// import or inject, never by install order, so the glob's order does not matter.
const modules = import.meta.glob<{ install: UserModule }>('./modules/*.ts', { eager: true });
for (const module of Object.values(modules)) {
  module.install({ app });
}

app.mount('#app');
