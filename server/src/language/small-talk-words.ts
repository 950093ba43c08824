import type { Language } from './languages';

/**
 * Greetings, thanks and goodbyes people type on their own. They get a friendly reply instead of a
 * retrieval miss, and they are strong language evidence for very short messages.
 */
export const SMALL_TALK: Record<Language, { greeting: string[]; thanks: string[]; bye: string[] }> = {
  en: { greeting: ['hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'hello there'], thanks: ['thanks', 'thank you', 'thx', 'thank you very much', 'many thanks', 'thanks a lot'], bye: ['bye', 'goodbye', 'see you'] },
  nl: { greeting: ['hallo', 'hoi', 'dag', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goeiedag'], thanks: ['dank u', 'dank je', 'dankjewel', 'dankuwel', 'bedankt', 'dank u wel', 'dank je wel', 'hartelijk bedankt'], bye: ['tot ziens', 'doei', 'dag dag', 'salukes'] },
  fr: { greeting: ['bonjour', 'salut', 'bonsoir', 'coucou', 'bonjour madame', 'bonjour monsieur'], thanks: ['merci', 'merci beaucoup', 'merci bien', 'je vous remercie'], bye: ['au revoir', 'bonne journee', 'a bientot'] },
  de: { greeting: ['guten tag', 'guten morgen', 'guten abend', 'servus', 'moin', 'gruss gott', 'hallo zusammen'], thanks: ['danke', 'danke schon', 'danke sehr', 'vielen dank', 'herzlichen dank'], bye: ['tschuss', 'auf wiedersehen', 'bis bald'] },
  ar: { greeting: ['مرحبا', 'اهلا', 'اهلا وسهلا', 'السلام عليكم', 'صباح الخير', 'مساء الخير', 'سلام عليكم'], thanks: ['شكرا', 'شكرا جزيلا', 'شكرا لك', 'مشكور', 'الف شكر'], bye: ['مع السلامه', 'الى اللقاء', 'وداعا'] },
  tr: { greeting: ['merhaba', 'selam', 'selamun aleykum', 'gunaydin', 'iyi aksamlar', 'iyi gunler', 'merhabalar'], thanks: ['tesekkurler', 'tesekkur ederim', 'sagol', 'sag ol', 'cok tesekkurler', 'sagolun'], bye: ['hosca kal', 'gorusuruz', 'hosca kalin'] },
  uk: { greeting: ['привіт', 'добрий день', 'доброго дня', 'вітаю', 'добрий ранок', 'добрий вечір'], thanks: ['дякую', 'дуже дякую', 'щиро дякую', 'спасибі'], bye: ['до побачення', 'бувай', 'па'] },
  ru: { greeting: ['привет', 'здравствуйте', 'добрый день', 'доброе утро', 'добрый вечер', 'здравствуй'], thanks: ['спасибо', 'большое спасибо', 'благодарю'], bye: ['до свидания', 'пока'] },
  es: { greeting: ['hola', 'buenos dias', 'buenas tardes', 'buenas noches', 'buenas'], thanks: ['gracias', 'muchas gracias', 'mil gracias'], bye: ['adios', 'hasta luego', 'chao'] },
  fa: { greeting: ['سلام', 'درود', 'صبح بخير', 'عصر بخير', 'روز بخير', 'سلام عليكم'], thanks: ['ممنون', 'مرسي', 'متشكرم', 'سپاس', 'خيلي ممنون', 'تشكر'], bye: ['خداحافظ', 'خدا نگهدار'] },
  ps: { greeting: ['سلام', 'ستړي مه شې', 'ښه راغلاست', 'السلام عليكم'], thanks: ['مننه', 'ډيره مننه', 'ډېره مننه', 'تشكر'], bye: ['په مخه دې ښه', 'خداى پامان', 'خدای پامان'] },
  ti: { greeting: ['ሰላም', 'ከመይ ኣለኻ', 'ከመይ ኣለኺ', 'ከመይ ኣለኹም', 'ደሓን ዶ ሓዲርኩም'], thanks: ['የቐንየለይ', 'የቐንየልና', 'የቐንዩ', 'የቐንየለይ ኣዝዩ'], bye: ['ደሓን ኩን', 'ደሓን ኩኑ', 'ቻው'] },
  so: { greeting: ['salaan', 'iska warran', 'nabad', 'haye', 'subax wanaagsan', 'galab wanaagsan'], thanks: ['mahadsanid', 'mahadsanidiin', 'aad baad u mahadsantahay', 'mahadsani'], bye: ['nabadgelyo', 'nabad gelyo', 'ilaa dambe'] },
  ro: { greeting: ['buna', 'buna ziua', 'buna dimineata', 'buna seara', 'servus'], thanks: ['multumesc', 'mersi', 'multumesc frumos', 'multumim'], bye: ['la revedere', 'pa', 'o zi buna'] },
  pl: { greeting: ['czesc', 'dzien dobry', 'dobry wieczor', 'witam', 'hej'], thanks: ['dziekuje', 'dzieki', 'dziekuje bardzo', 'bardzo dziekuje'], bye: ['do widzenia', 'na razie', 'pa'] },
};

/** Every greeting, thanks and goodbye above, one phrase each, in all languages. */
export function smallTalkWords(): string[] {
  return Object.values(SMALL_TALK).flatMap((w) => [...w.greeting, ...w.thanks, ...w.bye]);
}
