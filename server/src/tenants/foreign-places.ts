import { normalizeText, tokenize } from '../retrieval/text-normalize';

// Countries people move on to or compare with, in our 15 languages. A question about procedures there
// ("Bürgergeld in Deutschland", "asylum in Sweden") is out of scope even when its words match a card.
// Countries people come from are deliberately absent: "my diploma from Syria" is a Belgian question.
const DESTINATIONS: string[] = [
  // Germany
  'germany', 'duitsland', 'allemagne', 'deutschland', 'المانيا', 'almanya', 'almanyada', 'німеччина', 'німеччині', 'германия', 'германии', 'alemania', 'آلمان', 'جرمني', 'ጀርመን', 'jarmalka', 'germania', 'niemcy', 'niemczech',
  // Netherlands
  'netherlands', 'nederland', 'pays bas', 'niederlande', 'هولندا', 'hollanda', 'hollandada', 'нідерланди', 'нидерланды', 'голландии', 'países bajos', 'هلند', 'هالنډ', 'holland', 'olanda', 'holandia', 'holandii',
  // France
  'france', 'frankrijk', 'frankreich', 'فرنسا', 'fransa', 'fransada', 'франція', 'франции', 'франция', 'francia', 'فرانسه', 'ፈረንሳ', 'faransiiska', 'franța', 'franta', 'francja', 'francji',
  // Austria, Switzerland, Luxembourg
  'austria', 'oostenrijk', 'autriche', 'österreich', 'osterreich', 'النمسا', 'avusturya', 'австрія', 'австрия', 'اتریش', 'switzerland', 'zwitserland', 'suisse', 'schweiz', 'سويسرا', 'isviçre', 'isvicre', 'швейцарія', 'швейцария', 'suiza', 'سوئیس', 'elveția', 'szwajcaria',
  // Nordics
  'sweden', 'zweden', 'suède', 'schweden', 'السويد', 'isveç', 'isvec', 'швеція', 'швеция', 'suecia', 'سوئد', 'ሽወደን', 'iswiidhan', 'suedia', 'szwecja', 'szwecji', 'norway', 'noorwegen', 'norvège', 'norwegen', 'النرويج', 'norveç', 'норвегія', 'норвегия', 'noruega', 'نروژ', 'norwegia', 'denmark', 'denemarken', 'danemark', 'dänemark', 'الدنمارك', 'danimarka', 'данія', 'дания', 'dinamarca', 'دانمارک', 'dania',
  // United Kingdom, Ireland
  'united kingdom', 'england', 'engeland', 'angleterre', 'royaume uni', 'großbritannien', 'grossbritannien', 'بريطانيا', 'انجلترا', 'ingiltere', 'англія', 'англия', 'британии', 'reino unido', 'inglaterra', 'انگلستان', 'بریتانیا', 'ingiriiska', 'anglia', 'marea britanie', 'wielka brytania', 'ireland', 'ierland', 'irlande', 'irland', 'ايرلندا', 'irlanda',
  // Italy, Spain
  'italy', 'italië', 'italie', 'italien', 'ايطاليا', 'italya', 'італія', 'италия', 'italia', 'ایتالیا', 'włochy', 'spain', 'spanje', 'espagne', 'spanien', 'اسبانيا', 'ispanya', 'іспанія', 'испания', 'españa', 'اسپانیا', 'hiszpania', 'spania',
  // Overseas
  'canada', 'kanada', 'كندا', 'канада', 'کانادا', 'ካናዳ', 'united states', 'usa', 'america', 'amerika', 'verenigde staten', 'états unis', 'etats unis', 'vereinigte staaten', 'امريكا', 'الولايات المتحدة', 'abd', 'америка', 'сша', 'estados unidos', 'امریکا', 'ameerika', 'statele unite', 'stany zjednoczone', 'australia', 'australië', 'australie', 'australien', 'استراليا', 'avustralya', 'австралія', 'австралия', 'استرالیا',
];

// A home country's embassy or consulate: passports and ID cards of other countries are out of scope.
const CONSULAR = ['embassy', 'consulate', 'ambassade', 'consulaat', 'consulat', 'botschaft', 'konsulat', 'سفارة', 'القنصلية', 'قنصلية', 'büyükelçilik', 'konsolosluk', 'посольство', 'посольстві', 'консульство', 'консульстві', 'embajada', 'consulado', 'سفارت', 'کنسولگری', 'سفارت', 'ኤምባሲ', 'safaaradda', 'qunsuliyadda', 'ambasada', 'consulatul', 'ambasadzie', 'konsulacie', 'konsulat'];

// Words that put the question back in Belgium ("I lived in Germany, how do I register here?").
const HERE = ['belgium', 'belgie', 'belgique', 'belgien', 'بلجيكا', 'belcika', 'бельгія', 'бельгії', 'бельгия', 'бельгии', 'belgica', 'بلژیک', 'بلجیم', 'ቤልጅዩም', 'beljiyam', 'belgia', 'here', 'hier', 'ici', 'هنا', 'burada', 'тут', 'здесь', 'aqui', 'aquí', 'اینجا', 'دلته', 'ኣብዚ', 'halkan', 'aici', 'tutaj'];

const destinationKeys = [...DESTINATIONS, ...CONSULAR].map((d) => tokenize(d).join(' '));
const hereKeys = new Set(HERE.map((h) => normalizeText(h)));

/** The question is about another country or its consulate (and not also about Belgium). */
export function asksAboutAnotherCountry(message: string): boolean {
  const tokens = tokenize(message);
  if (tokens.some((t) => hereKeys.has(t))) return false;
  const text = ` ${tokens.join(' ')} `;
  return destinationKeys.some((d) => text.includes(` ${d} `) || (d.length >= 6 && !d.includes(' ') && tokens.some((t) => t.startsWith(d) && t.length - d.length <= 3)));
}
