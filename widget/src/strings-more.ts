import type { UiStrings } from './strings';

// UI copy, continued (see strings.ts).
export const ES: UiStrings = {
  launcher: '¿Preguntas? Chatee con nosotros', title: 'Punto de bienvenida', close: 'Cerrar el chat', language: 'Idioma', newChat: 'Nueva conversación',
  intro: '¡Hola! Puedo ayudarle con el registro en el ayuntamiento, la vivienda, la mutua de salud, los cursos de idiomas, el trabajo y la integración. ¿Qué quiere saber?',
  topics: 'Temas frecuentes',
  chipRegister: 'Registrarse', chipHousing: 'Vivienda', chipHealth: 'Mutua de salud', chipCourses: 'Cursos de idiomas', chipWork: 'Trabajo',
  askRegister: '¿Cómo me registro en el ayuntamiento?', askHousing: '¿Cómo encuentro una vivienda?', askHealth: '¿Cómo me afilio a una mutua de salud?',
  askCourses: '¿Dónde puedo hacer un curso de idiomas?', askWork: '¿Cómo puedo encontrar trabajo?',
  inputLabel: 'Su pregunta', placeholder: 'Escriba su pregunta…', send: 'Enviar', you: 'Usted', assistant: 'Asistente',
  writing: 'Escribiendo la respuesta…', queued: 'Esperando la conexión. Se enviará automáticamente.', offline: 'Conexión perdida. Reconectando…',
  error: 'Algo salió mal. Inténtelo de nuevo.',
  helpful: '¿Le ha sido útil?', yes: 'Sí', no: 'No', thanks: 'Gracias por su opinión.', sources: 'Fuentes',
  call: 'Llamar', email: 'Correo', website: 'Sitio web', map: 'Mapa', emergency: 'Números de emergencia', more: 'Ver todos los pasos',
  person: 'Hablar con una persona', contact: 'Su teléfono o correo (opcional)', request: 'Enviar solicitud', cancel: 'Cancelar',
  remember: 'Recordar esta conversación en este dispositivo',
};

export const FA: UiStrings = {
  launcher: 'سؤالی دارید؟ با ما گفتگو کنید', title: 'میز پذیرش', close: 'بستن گفتگو', language: 'زبان', newChat: 'گفتگوی تازه',
  intro: 'سلام! می‌توانم در ثبت‌نام در شهرداری، مسکن، صندوق بیمه درمانی، کلاس‌های زبان، کار و ادغام به شما کمک کنم. چه می‌خواهید بدانید؟',
  topics: 'موضوع‌های پرطرفدار',
  chipRegister: 'ثبت‌نام', chipHousing: 'مسکن', chipHealth: 'بیمه درمانی', chipCourses: 'کلاس زبان', chipWork: 'کار',
  askRegister: 'چطور در شهرداری ثبت‌نام کنم؟', askHousing: 'چطور خانه پیدا کنم؟', askHealth: 'چطور عضو صندوق بیمه درمانی شوم؟',
  askCourses: 'کجا می‌توانم کلاس زبان بروم؟', askWork: 'چطور کار پیدا کنم؟',
  inputLabel: 'سؤال شما', placeholder: 'سؤال خود را بنویسید…', send: 'ارسال', you: 'شما', assistant: 'دستیار',
  writing: 'در حال نوشتن پاسخ…', queued: 'در انتظار اتصال. پیام به‌طور خودکار ارسال می‌شود.', offline: 'اتصال قطع شد. در حال اتصال دوباره…',
  error: 'مشکلی پیش آمد. لطفاً دوباره تلاش کنید.',
  helpful: 'آیا این مفید بود؟', yes: 'بله', no: 'نه', thanks: 'از نظر شما سپاسگزاریم.', sources: 'منابع',
  call: 'تماس', email: 'ایمیل', website: 'وب‌سایت', map: 'نقشه', emergency: 'شماره‌های اضطراری', more: 'نمایش همه مراحل',
  person: 'صحبت با یک شخص', contact: 'شماره تلفن یا ایمیل شما (اختیاری)', request: 'ارسال درخواست', cancel: 'لغو',
  remember: 'این گفتگو را روی این دستگاه به خاطر بسپار',
};

export const PS: UiStrings = {
  launcher: 'پوښتنه لرئ؟ له موږ سره خبرې وکړئ', title: 'د هرکلي دفتر', close: 'خبرې بندې کړئ', language: 'ژبه', newChat: 'نوې خبرې',
  intro: 'سلام! زه کولای شم په ښاروالۍ کې د نوم لیکنې، کور، روغتیا بیمې صندوق، د ژبې کورسونو، کار او ادغام کې مرسته وکړم. څه غواړئ پوه شئ؟',
  topics: 'مشهور موضوعات',
  chipRegister: 'نوم لیکنه', chipHousing: 'کور', chipHealth: 'روغتیا بیمه', chipCourses: 'د ژبې کورسونه', chipWork: 'کار',
  askRegister: 'په ښاروالۍ کې څنګه نوم لیکنه وکړم؟', askHousing: 'د اوسېدو لپاره کور څنګه پیدا کړم؟', askHealth: 'د روغتیا بیمې صندوق غړی څنګه شم؟',
  askCourses: 'د ژبې کورس چېرته زده کولای شم؟', askWork: 'کار څنګه پیدا کړم؟',
  inputLabel: 'ستاسو پوښتنه', placeholder: 'خپله پوښتنه ولیکئ…', send: 'لېږل', you: 'تاسو', assistant: 'مرستیال',
  writing: 'ځواب لیکل کېږي…', queued: 'د اړیکې انتظار. پیغام به په خپله ولېږل شي.', offline: 'اړیکه پرې شوه. بیا نښلول کېږي…',
  error: 'یوه ستونزه پېښه شوه. مهرباني وکړئ بیا هڅه وکړئ.',
  helpful: 'آیا دا ګټور و؟', yes: 'هو', no: 'نه', thanks: 'ستاسو د نظر مننه.', sources: 'سرچینې',
  call: 'زنګ', email: 'برېښنالیک', website: 'وېبپاڼه', map: 'نقشه', emergency: 'بیړني شمېرې', more: 'ټول ګامونه وښایه',
  person: 'له یو کس سره خبرې', contact: 'ستاسو د تلیفون شمېره یا برېښنالیک (اختیاري)', request: 'غوښتنه ولېږئ', cancel: 'لغوه',
  remember: 'دا خبرې په دې وسیله کې وساتئ',
};

export const TI: UiStrings = {
  launcher: 'ሕቶ ኣለኩም? ምሳና ተዘራረቡ', title: 'ቤት ጽሕፈት ኣቀባብላ', close: 'ዕላል ዕጸው', language: 'ቋንቋ', newChat: 'ሓድሽ ዕላል',
  intro: 'ሰላም! ኣብ ምምዝጋብ ምምሕዳር ከተማ፡ ገዛ፡ ትካል መድሕን ጥዕና፡ ትምህርቲ ቋንቋ፡ ስራሕን ምውህሃድን ክሕግዘኩም እኽእል እየ። እንታይ ክትፈልጡ ትደልዩ?',
  topics: 'ዝተለመዱ ኣርእስትታት',
  chipRegister: 'ምምዝጋብ', chipHousing: 'ገዛ', chipHealth: 'መድሕን ጥዕና', chipCourses: 'ትምህርቲ ቋንቋ', chipWork: 'ስራሕ',
  askRegister: 'ኣብ ምምሕዳር ከተማ ብኸመይ እምዝገብ?', askHousing: 'ዝነብረሉ ገዛ ብኸመይ ይረክብ?', askHealth: 'ኣባል ትካል መድሕን ጥዕና ብኸመይ ይኸውን?',
  askCourses: 'ትምህርቲ ቋንቋ ኣበይ ክወስድ እኽእል?', askWork: 'ስራሕ ብኸመይ ክረክብ እኽእል?',
  inputLabel: 'ሕቶኹም', placeholder: 'ሕቶኹም ጽሓፉ…', send: 'ስደድ', you: 'ንስኹም', assistant: 'ሓጋዚ',
  writing: 'መልሲ ይጽሓፍ ኣሎ…', queued: 'ምትእስሳር ይጽበ ኣሎ። መልእኽቲ ባዕሉ ክለኣኽ እዩ።', offline: 'ምትእስሳር ተቋሪጹ። እንደገና ይራኸብ ኣሎ…',
  error: 'ጸገም ኣጋጢሙ። በጃኹም እንደገና ፈትኑ።',
  helpful: 'እዚ ሓጊዙኩም ድዩ?', yes: 'እወ', no: 'ኣይፋል', thanks: 'ስለ ርእይቶኹም የመስግን።', sources: 'ምንጭታት',
  call: 'ደውል', email: 'ኢመይል', website: 'መርበብ ሓበሬታ', map: 'ካርታ', emergency: 'ቁጽርታት ህጹጽ ረድኤት', more: 'ኩሎም ስጉምትታት ኣርኢ',
  person: 'ምስ ሰብ ተዘራረቡ', contact: 'ቁጽሪ ቴሌፎንኩም ወይ ኢመይልኩም (ግዴታ ኣይኮነን)', request: 'ሕቶ ስደድ', cancel: 'ሰርዝ',
  remember: 'ነዚ ዕላል ኣብዚ መሳርሒ ዘክሮ',
};

export const SO: UiStrings = {
  launcher: 'Su\'aal ma qabtaa? Nala sheekayso', title: 'Xafiiska soo dhaweynta', close: 'Xir sheekada', language: 'Luqadda', newChat: 'Sheeko cusub',
  intro: 'Salaan! Waxaan kaa caawin karaa is-diiwaangelinta dowladda hoose, guryaha, sanduuqa caymiska caafimaadka, koorsooyinka luqadda, shaqada iyo is-dhexgalka. Maxaad jeclaan lahayd inaad ogaato?',
  topics: 'Mawduucyada caanka ah',
  chipRegister: 'Is-diiwaangelin', chipHousing: 'Guryaha', chipHealth: 'Caymiska caafimaadka', chipCourses: 'Koorsooyinka luqadda', chipWork: 'Shaqo',
  askRegister: 'Sideen iskaga diiwaangeliyaa dowladda hoose?', askHousing: 'Sideen u helaa meel aan ku noolaado?', askHealth: 'Sideen ugu biiraa sanduuqa caymiska caafimaadka?',
  askCourses: 'Xaggee ka qaadan karaa koorso luqadeed?', askWork: 'Sideen shaqo u heli karaa?',
  inputLabel: 'Su\'aashaada', placeholder: 'Qor su\'aashaada…', send: 'Dir', you: 'Adiga', assistant: 'Caawiye',
  writing: 'Jawaabta ayaa la qorayaa…', queued: 'Waxaa la sugayaa xiriirka. Fariinta si toos ah ayaa loo diri doonaa.', offline: 'Xiriirkii wuu go\'ay. Dib ayaa loo xirayaa…',
  error: 'Wax baa khaldamay. Fadlan mar kale isku day.',
  helpful: 'Ma ku caawisay tani?', yes: 'Haa', no: 'Maya', thanks: 'Waad ku mahadsan tahay ra\'yigaaga.', sources: 'Ilaha',
  call: 'Wac', email: 'Iimayl', website: 'Bogga internetka', map: 'Khariidad', emergency: 'Lambarrada degdegga', more: 'Tus dhammaan tillaabooyinka',
  person: 'La hadal qof', contact: 'Lambarka taleefankaaga ama iimaylkaaga (ikhtiyaari)', request: 'Dir codsiga', cancel: 'Jooji',
  remember: 'Xasuuso sheekadan qalabkan',
};

export const RO: UiStrings = {
  launcher: 'Întrebări? Scrieți-ne', title: 'Biroul de primire', close: 'Închide chatul', language: 'Limba', newChat: 'Conversație nouă',
  intro: 'Bună! Vă pot ajuta cu înregistrarea la primărie, locuința, casa de asigurări de sănătate, cursurile de limbă, munca și integrarea. Ce doriți să aflați?',
  topics: 'Subiecte frecvente',
  chipRegister: 'Înregistrare', chipHousing: 'Locuință', chipHealth: 'Asigurare de sănătate', chipCourses: 'Cursuri de limbă', chipWork: 'Muncă',
  askRegister: 'Cum mă înregistrez la primărie?', askHousing: 'Cum găsesc o locuință?', askHealth: 'Cum mă înscriu la o casă de asigurări de sănătate?',
  askCourses: 'Unde pot urma un curs de limbă?', askWork: 'Cum găsesc de lucru?',
  inputLabel: 'Întrebarea dvs.', placeholder: 'Scrieți întrebarea…', send: 'Trimite', you: 'Dvs.', assistant: 'Asistent',
  writing: 'Se scrie răspunsul…', queued: 'Se așteaptă conexiunea. Mesajul va fi trimis automat.', offline: 'Conexiune pierdută. Reconectare…',
  error: 'A apărut o problemă. Încercați din nou.',
  helpful: 'V-a fost de folos?', yes: 'Da', no: 'Nu', thanks: 'Vă mulțumim pentru părere.', sources: 'Surse',
  call: 'Sună', email: 'E-mail', website: 'Site web', map: 'Hartă', emergency: 'Numere de urgență', more: 'Arată toți pașii',
  person: 'Vorbiți cu o persoană', contact: 'Telefonul sau e-mailul dvs. (opțional)', request: 'Trimite cererea', cancel: 'Anulează',
  remember: 'Ține minte această conversație pe acest dispozitiv',
};

export const PL: UiStrings = {
  launcher: 'Masz pytania? Napisz do nas', title: 'Punkt powitalny', close: 'Zamknij czat', language: 'Język', newChat: 'Nowa rozmowa',
  intro: 'Dzień dobry! Mogę pomóc w sprawie meldunku w gminie, mieszkania, kasy chorych, kursów językowych, pracy i integracji. Co chcesz wiedzieć?',
  topics: 'Popularne tematy',
  chipRegister: 'Meldunek', chipHousing: 'Mieszkanie', chipHealth: 'Kasa chorych', chipCourses: 'Kursy językowe', chipWork: 'Praca',
  askRegister: 'Jak zameldować się w gminie?', askHousing: 'Jak znaleźć mieszkanie?', askHealth: 'Jak zapisać się do kasy chorych?',
  askCourses: 'Gdzie mogę zapisać się na kurs językowy?', askWork: 'Jak znaleźć pracę?',
  inputLabel: 'Twoje pytanie', placeholder: 'Wpisz swoje pytanie…', send: 'Wyślij', you: 'Ty', assistant: 'Asystent',
  writing: 'Piszę odpowiedź…', queued: 'Czekam na połączenie. Wiadomość zostanie wysłana automatycznie.', offline: 'Utracono połączenie. Ponowne łączenie…',
  error: 'Coś poszło nie tak. Spróbuj ponownie.',
  helpful: 'Czy to było pomocne?', yes: 'Tak', no: 'Nie', thanks: 'Dziękujemy za opinię.', sources: 'Źródła',
  call: 'Zadzwoń', email: 'E-mail', website: 'Strona', map: 'Mapa', emergency: 'Numery alarmowe', more: 'Pokaż wszystkie kroki',
  person: 'Porozmawiaj z człowiekiem', contact: 'Twój telefon lub e-mail (opcjonalnie)', request: 'Wyślij prośbę', cancel: 'Anuluj',
  remember: 'Zapamiętaj tę rozmowę na tym urządzeniu',
};
