// Every story of the built Storybook with the default globals (English, light, LTR). See story-runner.mjs.
import { defineStoryTests } from './story-runner.mjs';

defineStoryTests('default');
