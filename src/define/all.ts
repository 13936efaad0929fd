// Registers every element of the library.
import './hr-api-provider.js';
