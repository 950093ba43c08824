import { matchSpans, type Detector } from './span';

// A street and house number. A municipality or a postcode with its place ("in Gent", "3600 Genk") is kept:
// thousands of people share it, and it is what the answer depends on (which town hall, which region).
const W = String.raw`\p{L}[\p{L}'’.-]*`; // one word of a street name
const CAP = String.raw`\p{Lu}[\p{L}'’.-]*`; // a capitalised one
const NUMBER = String.raw`\d{1,4}(?:\s?[a-zA-Z](?!\p{L}))?(?:\s*(?:/|bus|bte\.?|boîte|box|b\.)\s*\d{1,4}[a-zA-Z]?)?`;
/** "straat" → "[sS]traat": street words are matched in either case without making the capitalised-word checks case-blind. */
const words = (list: string) => list.split('|').map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|');

// Dutch and German glue the street word to the name (Stationsstraat, Frankrijklei, Hauptstraße); both may put
// capitalised words before it ("Grote Markt", "Aachener Straße"). Words that end ordinary words too
// ("ring" in "bring 2", "vest" in "invest 2000") are left out.
const SUFFIX = `(?:${words('straat|str\\.|laan|lei|steenweg|weg|plein|dreef|baan|kaai|singel|dijk|markt|hof|berg|straße|strasse|gasse|platz|allee|ufer')})`;
const GLUED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${CAP}\\s+){0,2}\\p{L}*${SUFFIX}\\s*,?\\s*${NUMBER}(?!\\p{N})`, 'gu');

// French puts the street word first: "rue de la Loi 16", "12, rue Haute", "avenue Louise 54", "chaussée de Gand 1034".
// Words that are also English ("place", "route") need a French particle or a capital after them.
const PARTICLE = String.raw`(?:de(?:\s+la|s)?|du|d'|d’|l'|l’|la|le|aux?)`;
const NAME = String.raw`(?:\s+(?:${PARTICLE}\s*)?${W}){1,4}?`;
const LEAD = `(?:${words('rue|avenue|av\\.|chaussée|chaussee|boulevard|bd|quai|allée|allee|impasse|drève|dreve|rempart|sentier')})${NAME}`;
const LEAD_STRICT = `(?:${words('place|route|square|chemin|clos')})(?:\\s+${PARTICLE}\\s*${W}|\\s+${CAP})(?:\\s+${W}){0,3}?`;
const STREET_FIRST = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LEAD}|${LEAD_STRICT})\\s*,?\\s*${NUMBER}(?![\\p{N}])`, 'gu');
const NUMBER_FIRST = new RegExp(`(?<![\\p{L}\\p{N}])${NUMBER}\\s*,?\\s+(?:${words('rue|avenue|chaussée|boulevard|place|quai')})\\s+(?:${PARTICLE}\\s*)?${W}`, 'gu');
// English: "12 Baker Street", "5 Church Road".
const ENGLISH = new RegExp(`(?<![\\p{L}\\p{N}])${NUMBER}\\s+(?:${CAP}\\s+){1,3}(?:${words('street|road|lane|avenue|drive')}|St\\.|Rd\\.)(?!\\p{L})`, 'gu');

// A word and a number right before a postcode and a capitalised place is a street, whatever its name:
// "Molenberg 12, 3600 Genk" → "[address], 3600 Genk".
const BEFORE_POSTCODE = new RegExp(`(?<![\\p{L}\\p{N}])\\p{L}[\\p{L}'’.-]+\\s+${NUMBER}(?=\\s*,?\\s+[1-9]\\d{3}\\s+\\p{Lu})`, 'gu');

export const address: Detector = {
  label: 'address',
  find: (text) => [GLUED, STREET_FIRST, NUMBER_FIRST, ENGLISH, BEFORE_POSTCODE].flatMap((re) => matchSpans(text, re)),
};
