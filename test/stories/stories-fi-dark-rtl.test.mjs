// Every story of the built Storybook in Finnish, dark theme, right to left. See story-runner.mjs.
import { defineStoryTests } from './story-runner.mjs';

defineStoryTests('fi-dark-rtl');
