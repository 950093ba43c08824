import type { Language } from '../language/languages';

// What users see when the answer does not come from a card. Kept apart from the LLM prompts
// (prompts/) on purpose: these are product copy, reviewed like content. Placeholders: {place}, {name},
// {language}. Status: en source; all other languages machine-assisted (knowledge/README.md).
export interface CannedMessages {
  greeting: string;
  thanks: string;
  bye: string;
  dontKnow: string;
  handoverAt: string;
  handoverTownHall: string;
  whoCanHelp: string;
  fallbackNote: string;
  placeNote: string;
  coursesHeading: string;
  coursesClosing: string;
  evening: string;
  day: string;
  weekend: string;
  online: string;
  childcare: string;
  literacy: string;
  handoverRecorded: string;
}

export const CANNED: Record<Language, CannedMessages> = {
  en: {
    greeting: 'Hello! I can help you with registering at the town hall, housing, health insurance, language courses, work and integration. What would you like to know?',
    thanks: 'You are welcome! Ask me anything else about living here.',
    bye: 'Goodbye, and good luck!',
    dontKnow: 'I am sorry, I do not have reliable information about this, and I do not want to guess.',
    handoverAt: 'A person can help you: {name}.',
    handoverTownHall: 'A person at your town hall can help you (the population service of {place}).',
    whoCanHelp: 'Who can help',
    fallbackNote: 'I do not have this information in your language yet, so here it is in {language}.',
    placeNote: 'This answer is for {place}.',
    coursesHeading: 'Courses near {place}',
    coursesClosing: 'This list may not be complete. Ask the intake desk for dates and free places.',
    evening: 'evening', day: 'daytime', weekend: 'weekend', online: 'online', childcare: 'childcare', literacy: 'reading and writing',
    handoverRecorded: 'Thank you, your request is saved with this conversation. For a quick answer, also contact {name} directly.',
  },
  nl: {
    greeting: 'Hallo! Ik help je met inschrijven bij de gemeente, wonen, het ziekenfonds, taallessen, werk en inburgering. Wat wil je weten?',
    thanks: 'Graag gedaan! Stel gerust nog een vraag over het leven hier.',
    bye: 'Tot ziens en veel succes!',
    dontKnow: 'Sorry, daarover heb ik geen betrouwbare informatie, en ik wil niet gokken.',
    handoverAt: 'Een medewerker kan je helpen: {name}.',
    handoverTownHall: 'Een medewerker van je gemeente kan je helpen (de dienst Bevolking van {place}).',
    whoCanHelp: 'Wie kan helpen',
    fallbackNote: 'Deze informatie heb ik nog niet in jouw taal, daarom staat ze hier in het {language}.',
    placeNote: 'Dit antwoord geldt voor {place}.',
    coursesHeading: 'Cursussen in de buurt van {place}',
    coursesClosing: 'Deze lijst is misschien niet volledig. Vraag data en vrije plaatsen aan het onthaal.',
    evening: 'avond', day: 'overdag', weekend: 'weekend', online: 'online', childcare: 'kinderopvang', literacy: 'lezen en schrijven',
    handoverRecorded: 'Bedankt, je vraag is bewaard bij dit gesprek. Voor een snel antwoord neem je ook zelf contact op met {name}.',
  },
  fr: {
    greeting: 'Bonjour ! Je peux vous aider pour l\'inscription à la commune, le logement, la mutualité, les cours de langue, le travail et l\'intégration. Que voulez-vous savoir ?',
    thanks: 'Avec plaisir ! Posez-moi une autre question sur la vie ici.',
    bye: 'Au revoir et bonne chance !',
    dontKnow: 'Désolé, je n\'ai pas d\'information fiable à ce sujet et je ne veux pas deviner.',
    handoverAt: 'Une personne peut vous aider : {name}.',
    handoverTownHall: 'Une personne de votre commune peut vous aider (le service Population de {place}).',
    whoCanHelp: 'Qui peut vous aider',
    fallbackNote: 'Je n\'ai pas encore cette information dans votre langue ; la voici en {language}.',
    placeNote: 'Cette réponse concerne {place}.',
    coursesHeading: 'Cours près de {place}',
    coursesClosing: 'Cette liste n\'est peut-être pas complète. Demandez les dates et les places libres à l\'accueil.',
    evening: 'soir', day: 'journée', weekend: 'week-end', online: 'en ligne', childcare: 'garderie', literacy: 'lire et écrire',
    handoverRecorded: 'Merci, votre demande est enregistrée avec cette conversation. Pour une réponse rapide, contactez aussi directement {name}.',
  },
  de: {
    greeting: 'Hallo! Ich helfe Ihnen bei der Anmeldung in der Gemeinde, Wohnen, Krankenkasse, Sprachkursen, Arbeit und Integration. Was möchten Sie wissen?',
    thanks: 'Gern geschehen! Fragen Sie mich gern noch etwas über das Leben hier.',
    bye: 'Auf Wiedersehen und viel Erfolg!',
    dontKnow: 'Es tut mir leid, dazu habe ich keine verlässlichen Informationen, und ich möchte nicht raten.',
    handoverAt: 'Eine Person kann Ihnen helfen: {name}.',
    handoverTownHall: 'Eine Person in Ihrer Gemeinde kann Ihnen helfen (der Bevölkerungsdienst von {place}).',
    whoCanHelp: 'Wer helfen kann',
    fallbackNote: 'Diese Information habe ich noch nicht in Ihrer Sprache, deshalb steht sie hier auf {language}.',
    placeNote: 'Diese Antwort gilt für {place}.',
    coursesHeading: 'Kurse in der Nähe von {place}',
    coursesClosing: 'Diese Liste ist vielleicht nicht vollständig. Fragen Sie bei der Anmeldung nach Terminen und freien Plätzen.',
    evening: 'abends', day: 'tagsüber', weekend: 'Wochenende', online: 'online', childcare: 'Kinderbetreuung', literacy: 'Lesen und Schreiben',
    handoverRecorded: 'Danke, Ihre Anfrage ist mit diesem Gespräch gespeichert. Für eine schnelle Antwort wenden Sie sich bitte auch direkt an {name}.',
  },
  ar: {
    greeting: 'مرحبًا! يمكنني مساعدتك في التسجيل في البلدية، والسكن، وصندوق التأمين الصحي، ودروس اللغة، والعمل، والاندماج. ماذا تريد أن تعرف؟',
    thanks: 'على الرحب والسعة! اسألني أي شيء آخر عن الحياة هنا.',
    bye: 'مع السلامة، وبالتوفيق!',
    dontKnow: 'عذرًا، ليست لدي معلومات موثوقة عن هذا الموضوع، ولا أريد أن أخمّن.',
    handoverAt: 'يمكن لشخص أن يساعدك: {name}.',
    handoverTownHall: 'يمكن لموظف في بلديتك أن يساعدك (قسم السكان في {place}).',
    whoCanHelp: 'من يمكنه المساعدة',
    fallbackNote: 'هذه المعلومات غير متوفرة بلغتك بعد، لذلك أعرضها هنا باللغة {language}.',
    placeNote: 'هذه الإجابة خاصة بـ {place}.',
    coursesHeading: 'دورات قريبة من {place}',
    coursesClosing: 'قد لا تكون هذه القائمة كاملة. اسأل مكتب التسجيل عن المواعيد والأماكن الشاغرة.',
    evening: 'مساءً', day: 'نهارًا', weekend: 'عطلة نهاية الأسبوع', online: 'عبر الإنترنت', childcare: 'رعاية الأطفال', literacy: 'القراءة والكتابة',
    handoverRecorded: 'شكرًا، تم حفظ طلبك مع هذه المحادثة. للحصول على رد سريع، تواصل أيضًا مباشرة مع {name}.',
  },
  tr: {
    greeting: 'Merhaba! Belediyeye kayıt, konut, sağlık sigortası fonu, dil kursları, iş ve uyum konularında size yardımcı olabilirim. Ne öğrenmek istersiniz?',
    thanks: 'Rica ederim! Burada yaşamla ilgili başka bir şey sorabilirsiniz.',
    bye: 'Hoşça kalın, bol şans!',
    dontKnow: 'Üzgünüm, bu konuda güvenilir bilgim yok ve tahmin yürütmek istemiyorum.',
    handoverAt: 'Bir kişi size yardımcı olabilir: {name}.',
    handoverTownHall: 'Belediyenizde bir görevli size yardımcı olabilir ({place} nüfus hizmeti).',
    whoCanHelp: 'Kim yardımcı olabilir',
    fallbackNote: 'Bu bilgi henüz sizin dilinizde yok, bu yüzden burada {language} olarak veriyorum.',
    placeNote: 'Bu yanıt {place} içindir.',
    coursesHeading: '{place} yakınındaki kurslar',
    coursesClosing: 'Bu liste eksik olabilir. Tarihleri ve boş yerleri kayıt masasına sorun.',
    evening: 'akşam', day: 'gündüz', weekend: 'hafta sonu', online: 'çevrim içi', childcare: 'çocuk bakımı', literacy: 'okuma yazma',
    handoverRecorded: 'Teşekkürler, talebiniz bu konuşmayla birlikte kaydedildi. Hızlı bir yanıt için ayrıca doğrudan {name} ile iletişime geçin.',
  },
  uk: {
    greeting: 'Вітаю! Я можу допомогти з реєстрацією в громаді, житлом, лікарняною касою, мовними курсами, роботою та інтеграцією. Що ви хочете дізнатися?',
    thanks: 'Будь ласка! Запитуйте ще про життя тут.',
    bye: 'До побачення і успіхів!',
    dontKnow: 'Вибачте, у мене немає надійної інформації про це, і я не хочу вгадувати.',
    handoverAt: 'Вам може допомогти людина: {name}.',
    handoverTownHall: 'Вам може допомогти працівник вашої громади (служба населення {place}).',
    whoCanHelp: 'Хто може допомогти',
    fallbackNote: 'Цієї інформації ще немає вашою мовою, тому ось вона мовою: {language}.',
    placeNote: 'Ця відповідь стосується: {place}.',
    coursesHeading: 'Курси поблизу: {place}',
    coursesClosing: 'Цей список може бути неповним. Дати й вільні місця уточнюйте на прийомі.',
    evening: 'вечір', day: 'вдень', weekend: 'вихідні', online: 'онлайн', childcare: 'догляд за дітьми', literacy: 'читання і письмо',
    handoverRecorded: 'Дякуємо, ваш запит збережено разом із цією розмовою. Щоб отримати швидку відповідь, також зверніться безпосередньо до: {name}.',
  },
  ru: {
    greeting: 'Здравствуйте! Я могу помочь с регистрацией в коммуне, жильём, больничной кассой, языковыми курсами, работой и интеграцией. Что вы хотите узнать?',
    thanks: 'Пожалуйста! Спрашивайте ещё о жизни здесь.',
    bye: 'До свидания и удачи!',
    dontKnow: 'Извините, у меня нет надёжной информации об этом, и я не хочу гадать.',
    handoverAt: 'Вам может помочь человек: {name}.',
    handoverTownHall: 'Вам может помочь сотрудник вашей коммуны (служба населения {place}).',
    whoCanHelp: 'Кто может помочь',
    fallbackNote: 'Этой информации пока нет на вашем языке, поэтому вот она на языке: {language}.',
    placeNote: 'Этот ответ касается: {place}.',
    coursesHeading: 'Курсы рядом: {place}',
    coursesClosing: 'Этот список может быть неполным. Даты и свободные места уточняйте при записи.',
    evening: 'вечер', day: 'днём', weekend: 'выходные', online: 'онлайн', childcare: 'присмотр за детьми', literacy: 'чтение и письмо',
    handoverRecorded: 'Спасибо, ваш запрос сохранён вместе с этим разговором. Чтобы быстро получить ответ, обратитесь также напрямую: {name}.',
  },
  es: {
    greeting: '¡Hola! Puedo ayudarle con el registro en el ayuntamiento, la vivienda, la mutua de salud, los cursos de idiomas, el trabajo y la integración. ¿Qué quiere saber?',
    thanks: '¡De nada! Pregúnteme cualquier otra cosa sobre la vida aquí.',
    bye: '¡Adiós y mucha suerte!',
    dontKnow: 'Lo siento, no tengo información fiable sobre esto y no quiero adivinar.',
    handoverAt: 'Una persona puede ayudarle: {name}.',
    handoverTownHall: 'Una persona de su ayuntamiento puede ayudarle (el servicio de población de {place}).',
    whoCanHelp: 'Quién puede ayudar',
    fallbackNote: 'Todavía no tengo esta información en su idioma, así que aquí está en {language}.',
    placeNote: 'Esta respuesta es para {place}.',
    coursesHeading: 'Cursos cerca de {place}',
    coursesClosing: 'Puede que esta lista no esté completa. Pregunte las fechas y plazas libres en la inscripción.',
    evening: 'tarde-noche', day: 'de día', weekend: 'fin de semana', online: 'en línea', childcare: 'guardería', literacy: 'leer y escribir',
    handoverRecorded: 'Gracias, su solicitud queda guardada con esta conversación. Para una respuesta rápida, contacte también directamente con {name}.',
  },
  fa: {
    greeting: 'سلام! می‌توانم در ثبت‌نام در شهرداری، مسکن، صندوق بیمه درمانی، کلاس‌های زبان، کار و ادغام به شما کمک کنم. چه می‌خواهید بدانید؟',
    thanks: 'خواهش می‌کنم! هر سؤال دیگری درباره زندگی در اینجا دارید بپرسید.',
    bye: 'خداحافظ و موفق باشید!',
    dontKnow: 'متأسفم، اطلاعات قابل اعتمادی در این باره ندارم و نمی‌خواهم حدس بزنم.',
    handoverAt: 'یک نفر می‌تواند به شما کمک کند: {name}.',
    handoverTownHall: 'یک کارمند شهرداری شما می‌تواند کمک کند (بخش جمعیت {place}).',
    whoCanHelp: 'چه کسی می‌تواند کمک کند',
    fallbackNote: 'این اطلاعات هنوز به زبان شما موجود نیست، بنابراین آن را به زبان {language} می‌آورم.',
    placeNote: 'این پاسخ مربوط به {place} است.',
    coursesHeading: 'کلاس‌های نزدیک {place}',
    coursesClosing: 'این فهرست شاید کامل نباشد. تاریخ‌ها و جاهای خالی را از میز پذیرش بپرسید.',
    evening: 'عصر', day: 'روز', weekend: 'آخر هفته', online: 'آنلاین', childcare: 'نگهداری از کودک', literacy: 'خواندن و نوشتن',
    handoverRecorded: 'سپاسگزاریم، درخواست شما همراه این گفتگو ذخیره شد. برای پاسخ سریع، مستقیماً هم با {name} تماس بگیرید.',
  },
  ps: {
    greeting: 'سلام! زه کولای شم په ښاروالۍ کې د نوم لیکنې، کور، روغتیا بیمې صندوق، د ژبې کورسونو، کار او ادغام کې مرسته وکړم. څه غواړئ پوه شئ؟',
    thanks: 'هیڅ خبره نه ده! دلته د ژوند په اړه بله پوښتنه هم کولای شئ.',
    bye: 'په مخه مو ښه، بریالي اوسئ!',
    dontKnow: 'بښنه غواړم، زه په دې اړه باوري معلومات نه لرم او نه غواړم اټکل وکړم.',
    handoverAt: 'یو کس ستاسو سره مرسته کولای شي: {name}.',
    handoverTownHall: 'ستاسو د ښاروالۍ یو کارمند مرسته کولای شي (د {place} د نفوسو څانګه).',
    whoCanHelp: 'څوک مرسته کولای شي',
    fallbackNote: 'دا معلومات لا ستاسو په ژبه نشته، نو دلته یې په {language} ژبه وړاندې کوم.',
    placeNote: 'دا ځواب د {place} لپاره دی.',
    coursesHeading: 'د {place} سره نږدې کورسونه',
    coursesClosing: 'کېدای شي دا لیست بشپړ نه وي. نېټې او خالي ځایونه د نوم لیکنې له میز څخه وپوښتئ.',
    evening: 'ماښام', day: 'ورځ', weekend: 'د اونۍ پای', online: 'آنلاین', childcare: 'د ماشومانو ساتنه', literacy: 'لوستل او لیکل',
    handoverRecorded: 'مننه، ستاسو غوښتنه له دې خبرو اترو سره خوندي شوه. د چټک ځواب لپاره، مستقیم هم له {name} سره اړیکه ونیسئ.',
  },
  ti: {
    greeting: 'ሰላም! ኣብ ምምዝጋብ ምምሕዳር ከተማ፡ ገዛ፡ ትካል መድሕን ጥዕና፡ ትምህርቲ ቋንቋ፡ ስራሕን ምውህሃድን ክሕግዘኩም እኽእል እየ። እንታይ ክትፈልጡ ትደልዩ?',
    thanks: 'ብሓጎስ! ብዛዕባ ኣብዚ ናብራ ካልእ ሕቶ ሕተቱኒ።',
    bye: 'ደሓን ኩኑ፡ ዕዉታት ኩኑ!',
    dontKnow: 'ይቕሬታ፡ ብዛዕባ እዚ ርግጸኛ ሓበሬታ የብለይን፡ ክግምት ድማ ኣይደልን።',
    handoverAt: 'ሓደ ሰብ ክሕግዘኩም ይኽእል: {name}።',
    handoverTownHall: 'ሓደ ሰራሕተኛ ምምሕዳር ከተማኹም ክሕግዘኩም ይኽእል (ኣገልግሎት ህዝቢ {place})።',
    whoCanHelp: 'መን ክሕግዝ ይኽእል',
    fallbackNote: 'እዚ ሓበሬታ ገና ብቋንቋኹም የለን፡ ስለዚ ኣብዚ ብ{language} ይርከብ።',
    placeNote: 'እዚ መልሲ ን{place} እዩ።',
    coursesHeading: 'ኣብ ጥቓ {place} ዘለዉ ትምህርትታት',
    coursesClosing: 'እዚ ዝርዝር ምሉእ ዘይከውን ይኽእል። ዕለታትን ባዶ ቦታታትን ኣብ መመዝገቢ ሕተቱ።',
    evening: 'ምሸት', day: 'መዓልቲ', weekend: 'ቀዳመ-ሰንበት', online: 'ብኢንተርነት', childcare: 'ክንክን ህጻናት', literacy: 'ምንባብን ምጽሓፍን',
    handoverRecorded: 'የቐንየልና፡ ሕቶኹም ምስዚ ዝርርብ ተዓቒቡ ኣሎ። ቅልጡፍ መልሲ ንምርካብ፡ ብቐጥታ ድማ ን{name} ተራኸቡ።',
  },
  so: {
    greeting: 'Salaan! Waxaan kaa caawin karaa is-diiwaangelinta dowladda hoose, guryaha, sanduuqa caymiska caafimaadka, koorsooyinka luqadda, shaqada iyo is-dhexgalka. Maxaad jeclaan lahayd inaad ogaato?',
    thanks: 'Adaa mudan! Wax kale oo ku saabsan nolosha halkan i weydii.',
    bye: 'Nabadgelyo, guul ayaan kuu rajeynayaa!',
    dontKnow: 'Waan ka xumahay, macluumaad la isku halleyn karo kama hayo arrintan, mana doonayo inaan qiyaaso.',
    handoverAt: 'Qof ayaa ku caawin kara: {name}.',
    handoverTownHall: 'Shaqaale ka tirsan dowladdaada hoose ayaa ku caawin kara (adeegga dadweynaha ee {place}).',
    whoCanHelp: 'Yaa ku caawin kara',
    fallbackNote: 'Macluumaadkan weli kuma hayo luqaddaada, sidaa darteed halkan waxaa lagu bixiyay {language}.',
    placeNote: 'Jawaabtani waxay khusaysaa {place}.',
    coursesHeading: 'Koorsooyin u dhow {place}',
    coursesClosing: 'Liiskani waxaa laga yaabaa inuusan dhammeystirnayn. Taariikhaha iyo meelaha bannaan weydii miiska diiwaangelinta.',
    evening: 'fiid', day: 'maalin', weekend: 'dhammaadka toddobaadka', online: 'online', childcare: 'xannaanada carruurta', literacy: 'akhris iyo qoraal',
    handoverRecorded: 'Mahadsanid, codsigaaga waxaa lagu kaydiyay wadahadalkan. Si aad jawaab degdeg ah u hesho, sidoo kale si toos ah ula xiriir {name}.',
  },
  ro: {
    greeting: 'Bună! Vă pot ajuta cu înregistrarea la primărie, locuința, casa de asigurări de sănătate, cursurile de limbă, munca și integrarea. Ce doriți să aflați?',
    thanks: 'Cu plăcere! Întrebați-mă orice altceva despre viața de aici.',
    bye: 'La revedere și mult succes!',
    dontKnow: 'Îmi pare rău, nu am informații sigure despre acest lucru și nu vreau să ghicesc.',
    handoverAt: 'O persoană vă poate ajuta: {name}.',
    handoverTownHall: 'Un funcționar de la primăria dumneavoastră vă poate ajuta (serviciul de populație din {place}).',
    whoCanHelp: 'Cine vă poate ajuta',
    fallbackNote: 'Nu am încă această informație în limba dumneavoastră, așa că iat-o în {language}.',
    placeNote: 'Acest răspuns este pentru {place}.',
    coursesHeading: 'Cursuri lângă {place}',
    coursesClosing: 'Este posibil ca această listă să nu fie completă. Întrebați la înscriere despre date și locuri libere.',
    evening: 'seara', day: 'ziua', weekend: 'weekend', online: 'online', childcare: 'îngrijirea copiilor', literacy: 'citit și scris',
    handoverRecorded: 'Mulțumim, cererea dumneavoastră a fost salvată împreună cu această conversație. Pentru un răspuns rapid, contactați și direct {name}.',
  },
  pl: {
    greeting: 'Dzień dobry! Mogę pomóc w sprawie meldunku w gminie, mieszkania, kasy chorych, kursów językowych, pracy i integracji. Co chcesz wiedzieć?',
    thanks: 'Proszę bardzo! Zapytaj o coś jeszcze na temat życia tutaj.',
    bye: 'Do widzenia i powodzenia!',
    dontKnow: 'Przepraszam, nie mam na ten temat wiarygodnych informacji i nie chcę zgadywać.',
    handoverAt: 'Może Ci pomóc osoba: {name}.',
    handoverTownHall: 'Może Ci pomóc pracownik Twojej gminy (wydział ludności w {place}).',
    whoCanHelp: 'Kto może pomóc',
    fallbackNote: 'Nie mam jeszcze tej informacji w Twoim języku, więc podaję ją w języku: {language}.',
    placeNote: 'Ta odpowiedź dotyczy: {place}.',
    coursesHeading: 'Kursy w pobliżu: {place}',
    coursesClosing: 'Ta lista może być niepełna. O terminy i wolne miejsca zapytaj przy zapisach.',
    evening: 'wieczorem', day: 'w dzień', weekend: 'weekend', online: 'online', childcare: 'opieka nad dziećmi', literacy: 'czytanie i pisanie',
    handoverRecorded: 'Dziękujemy, Twoja prośba została zapisana razem z tą rozmową. Aby szybko uzyskać odpowiedź, skontaktuj się też bezpośrednio z: {name}.',
  },
};

/**
 * The one line we can say in a language we do not answer in (issue 2: "with one line saying so in the
 * user's language where the product has that line").
 */
export const UNSUPPORTED_NOTE: Record<string, { en: string; fr: string }> = {
  it: { en: 'Non posso ancora rispondere in italiano, quindi rispondo in inglese.', fr: 'Non posso ancora rispondere in italiano, quindi rispondo in francese.' },
  pt: { en: 'Ainda não posso responder em português, por isso respondo em inglês.', fr: 'Ainda não posso responder em português, por isso respondo em francês.' },
  sq: { en: 'Ende nuk mund të përgjigjem në shqip, prandaj përgjigjem në anglisht.', fr: 'Ende nuk mund të përgjigjem në shqip, prandaj përgjigjem në frëngjisht.' },
  bg: { en: 'Все още не мога да отговарям на български, затова отговарям на английски.', fr: 'Все още не мога да отговарям на български, затова отговарям на френски.' },
  hu: { en: 'Még nem tudok magyarul válaszolni, ezért angolul válaszolok.', fr: 'Még nem tudok magyarul válaszolni, ezért franciául válaszolok.' },
  cs: { en: 'Zatím neumím odpovídat česky, proto odpovídám anglicky.', fr: 'Zatím neumím odpovídat česky, proto odpovídám francouzsky.' },
  sk: { en: 'Zatiaľ neviem odpovedať po slovensky, preto odpovedám po anglicky.', fr: 'Zatiaľ neviem odpovedať po slovensky, preto odpovedám po francúzsky.' },
  hr: { en: 'Još ne mogu odgovarati na hrvatskom, pa odgovaram na engleskom.', fr: 'Još ne mogu odgovarati na hrvatskom, pa odgovaram na francuskom.' },
  sr: { en: 'Još ne mogu da odgovaram na srpskom, pa odgovaram na engleskom.', fr: 'Još ne mogu da odgovaram na srpskom, pa odgovaram na francuskom.' },
  bs: { en: 'Još ne mogu odgovarati na bosanskom, pa odgovaram na engleskom.', fr: 'Još ne mogu odgovarati na bosanskom, pa odgovaram na francuskom.' },
  am: { en: 'እስካሁን በአማርኛ መመለስ አልችልም፣ ስለዚህ በእንግሊዝኛ እመልሳለሁ።', fr: 'እስካሁን በአማርኛ መመለስ አልችልም፣ ስለዚህ በፈረንሳይኛ እመልሳለሁ።' },
  zh: { en: '我还不能用中文回答，所以用英语回答。', fr: '我还不能用中文回答，所以用法语回答。' },
  hi: { en: 'मैं अभी हिंदी में जवाब नहीं दे सकता, इसलिए अंग्रेज़ी में जवाब दे रहा हूँ।', fr: 'मैं अभी हिंदी में जवाब नहीं दे सकता, इसलिए फ़्रेंच में जवाब दे रहा हूँ।' },
  ur: { en: 'میں ابھی اردو میں جواب نہیں دے سکتا، اس لیے انگریزی میں جواب دے رہا ہوں۔', fr: 'میں ابھی اردو میں جواب نہیں دے سکتا، اس لیے فرانسیسی میں جواب دے رہا ہوں۔' },
  sw: { en: 'Bado siwezi kujibu kwa Kiswahili, kwa hiyo ninajibu kwa Kiingereza.', fr: 'Bado siwezi kujibu kwa Kiswahili, kwa hiyo ninajibu kwa Kifaransa.' },
  ln: { en: 'Nakoki naino te koyanola na Lingala, yango wana nazali koyanola na Lingelesi.', fr: 'Nakoki naino te koyanola na Lingala, yango wana nazali koyanola na Lifalansé.' },
  ku: { en: 'Ez hêj nikarim bi kurdî bersiv bidim, ji ber vê yekê bi îngilîzî bersiv didim.', fr: 'Ez hêj nikarim bi kurdî bersiv bidim, ji ber vê yekê bi fransî bersiv didim.' },
  vi: { en: 'Tôi chưa thể trả lời bằng tiếng Việt, vì vậy tôi trả lời bằng tiếng Anh.', fr: 'Tôi chưa thể trả lời bằng tiếng Việt, vì vậy tôi trả lời bằng tiếng Pháp.' },
  el: { en: 'Δεν μπορώ ακόμη να απαντήσω στα ελληνικά, γι\' αυτό απαντώ στα αγγλικά.', fr: 'Δεν μπορώ ακόμη να απαντήσω στα ελληνικά, γι\' αυτό απαντώ στα γαλλικά.' },
};

/** For a language we recognise but have no line for: said in the answer language itself. */
export const UNSUPPORTED_GENERIC: { en: string; fr: string } = {
  en: 'I cannot answer in your language yet, so I answer in English.',
  fr: 'Je ne peux pas encore répondre dans votre langue, je réponds donc en français.',
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
