/**
 * Host configs with the colours of Teams' light, dark and high-contrast themes (the values
 * Teams' clients give the Adaptive Cards renderer), so cards render here as they do in Teams.
 */
export interface ThemeConfig {
  name: 'light' | 'dark' | 'contrast';
  /** The card's background in that theme. */
  background: string;
  hostConfig: Record<string, unknown>;
}

function colours(
  text: string,
  subtle: string,
  accent: string,
  good: string,
  warning: string,
  attention: string,
) {
  const pair = (c: string, s = c) => ({ default: c, subtle: s });
  return {
    default: pair(text, subtle),
    dark: pair('#252424', '#484644'),
    light: pair('#FFFFFF', '#F3F2F1'),
    accent: pair(accent),
    good: pair(good),
    warning: pair(warning),
    attention: pair(attention),
  };
}

function theme(
  name: ThemeConfig['name'],
  background: string,
  emphasis: string,
  fg: ReturnType<typeof colours>,
): ThemeConfig {
  const style = (bg: string) => ({ backgroundColor: bg, foregroundColors: fg });
  return {
    name,
    background,
    hostConfig: {
      fontFamily: "'Segoe UI', system-ui, 'Helvetica Neue', sans-serif",
      supportsInteractivity: true,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
      containerStyles: {
        default: style(background),
        emphasis: style(emphasis),
        good: style(emphasis),
        warning: style(emphasis),
        attention: style(emphasis),
        accent: style(emphasis),
      },
      actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', showCard: {} },
      textBlock: { headingLevel: 2 },
    },
  };
}

/** Teams' three themes. */
export const THEMES: ThemeConfig[] = [
  theme(
    'light',
    '#FFFFFF',
    '#F5F5F5',
    colours('#242424', '#616161', '#5B5FC7', '#237B4B', '#835B00', '#C4314B'),
  ),
  theme(
    'dark',
    '#292929',
    '#1F1F1F',
    colours('#FFFFFF', '#D6D6D6', '#7F85F5', '#92C353', '#F8D22A', '#F9526B'),
  ),
  theme(
    'contrast',
    '#000000',
    '#000000',
    colours('#FFFFFF', '#FFFFFF', '#FFFF00', '#3FF23F', '#FFFF00', '#FF6B6B'),
  ),
];
