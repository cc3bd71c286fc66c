export { main, program } from './main';
