// UI copy of the widget. English is the source; the other languages are machine-assisted and
// reviewed like the rest of the product copy (server/src/answer/canned-messages.ts).
export interface UiStrings {
  launcher: string; title: string; close: string; language: string; newChat: string;
  intro: string; topics: string;
  chipRegister: string; chipHousing: string; chipHealth: string; chipCourses: string; chipWork: string;
  askRegister: string; askHousing: string; askHealth: string; askCourses: string; askWork: string;
  inputLabel: string; placeholder: string; send: string; you: string; assistant: string;
  writing: string; queued: string; offline: string; error: string;
  helpful: string; yes: string; no: string; thanks: string; sources: string;
  call: string; email: string; website: string; map: string; emergency: string; more: string;
  person: string; contact: string; request: string; cancel: string; remember: string;
  /** Issue 12: a clerk's message, and the notices when a person takes over and when they close. */
  clerk: string; humanJoined: string; humanClosed: string;
}

export const EN: UiStrings = {
  launcher: 'Questions? Chat with us', title: 'Welcome Desk', close: 'Close chat', language: 'Language', newChat: 'New conversation',
  intro: 'Hello! I can help you with registering at the town hall, housing, health insurance, language courses, work and integration. What would you like to know?',
  topics: 'Popular topics',
  chipRegister: 'Register', chipHousing: 'Housing', chipHealth: 'Health insurance', chipCourses: 'Language courses', chipWork: 'Work',
  askRegister: 'How do I register at the town hall?', askHousing: 'How do I find a place to live?', askHealth: 'How do I join a health insurance fund?',
  askCourses: 'Where can I take a language course?', askWork: 'How can I find work?',
  inputLabel: 'Your question', placeholder: 'Type your question…', send: 'Send', you: 'You', assistant: 'Assistant',
  writing: 'Writing an answer…', queued: 'Waiting for the connection. It will be sent automatically.', offline: 'Connection lost. Reconnecting…',
  error: 'Something went wrong. Please try again.',
  helpful: 'Was this helpful?', yes: 'Yes', no: 'No', thanks: 'Thank you for your feedback.', sources: 'Sources',
  call: 'Call', email: 'E-mail', website: 'Website', map: 'Map', emergency: 'Emergency numbers', more: 'Show all steps',
  person: 'Talk to a person', contact: 'Your phone number or e-mail (optional)', request: 'Send request', cancel: 'Cancel',
  remember: 'Remember this conversation on this device',
  clerk: 'Town hall', humanJoined: 'A person from the town hall is now answering you here.', humanClosed: 'The town hall has closed this conversation. You can ask the assistant again.',
};

export const NL: UiStrings = {
  launcher: 'Vragen? Chat met ons', title: 'Welkomstbalie', close: 'Chat sluiten', language: 'Taal', newChat: 'Nieuw gesprek',
  intro: 'Hallo! Ik help je met inschrijven bij de gemeente, wonen, het ziekenfonds, taallessen, werk en inburgering. Wat wil je weten?',
  topics: 'Populaire onderwerpen',
  chipRegister: 'Inschrijven', chipHousing: 'Wonen', chipHealth: 'Ziekenfonds', chipCourses: 'Taallessen', chipWork: 'Werk',
  askRegister: 'Hoe schrijf ik me in bij de gemeente?', askHousing: 'Hoe vind ik een woning?', askHealth: 'Hoe word ik lid van een ziekenfonds?',
  askCourses: 'Waar kan ik een taalcursus volgen?', askWork: 'Hoe vind ik werk?',
  inputLabel: 'Je vraag', placeholder: 'Typ je vraag…', send: 'Versturen', you: 'Jij', assistant: 'Assistent',
  writing: 'Antwoord wordt geschreven…', queued: 'Wachten op verbinding. Je bericht wordt automatisch verstuurd.', offline: 'Verbinding verbroken. Opnieuw verbinden…',
  error: 'Er ging iets mis. Probeer het opnieuw.',
  helpful: 'Was dit nuttig?', yes: 'Ja', no: 'Nee', thanks: 'Bedankt voor je feedback.', sources: 'Bronnen',
  call: 'Bellen', email: 'E-mail', website: 'Website', map: 'Kaart', emergency: 'Noodnummers', more: 'Toon alle stappen',
  person: 'Praat met een medewerker', contact: 'Je telefoonnummer of e-mail (niet verplicht)', request: 'Verzoek versturen', cancel: 'Annuleren',
  remember: 'Onthoud dit gesprek op dit toestel',
  clerk: 'Gemeente', humanJoined: 'Een medewerker van de gemeente antwoordt je nu hier.', humanClosed: 'De gemeente heeft dit gesprek afgesloten. Je kunt de assistent opnieuw vragen stellen.',
};

export const FR: UiStrings = {
  launcher: 'Des questions ? Discutez avec nous', title: 'Accueil des nouveaux arrivants', close: 'Fermer le chat', language: 'Langue', newChat: 'Nouvelle conversation',
  intro: 'Bonjour ! Je peux vous aider pour l\'inscription à la commune, le logement, la mutualité, les cours de langue, le travail et l\'intégration. Que voulez-vous savoir ?',
  topics: 'Sujets fréquents',
  chipRegister: 'S\'inscrire', chipHousing: 'Logement', chipHealth: 'Mutualité', chipCourses: 'Cours de langue', chipWork: 'Travail',
  askRegister: 'Comment m\'inscrire à la commune ?', askHousing: 'Comment trouver un logement ?', askHealth: 'Comment m\'affilier à une mutualité ?',
  askCourses: 'Où puis-je suivre un cours de langue ?', askWork: 'Comment trouver du travail ?',
  inputLabel: 'Votre question', placeholder: 'Écrivez votre question…', send: 'Envoyer', you: 'Vous', assistant: 'Assistant',
  writing: 'Rédaction de la réponse…', queued: 'En attente de connexion. Le message sera envoyé automatiquement.', offline: 'Connexion perdue. Reconnexion…',
  error: 'Un problème est survenu. Veuillez réessayer.',
  helpful: 'Cette réponse vous a-t-elle aidé ?', yes: 'Oui', no: 'Non', thanks: 'Merci pour votre avis.', sources: 'Sources',
  call: 'Appeler', email: 'E-mail', website: 'Site web', map: 'Carte', emergency: 'Numéros d\'urgence', more: 'Voir toutes les étapes',
  person: 'Parler à une personne', contact: 'Votre téléphone ou e-mail (facultatif)', request: 'Envoyer la demande', cancel: 'Annuler',
  remember: 'Se souvenir de cette conversation sur cet appareil',
  clerk: 'Commune', humanJoined: 'Une personne de la commune vous répond maintenant ici.', humanClosed: 'La commune a clôturé cette conversation. Vous pouvez à nouveau poser vos questions à l\'assistant.',
};

export const DE: UiStrings = {
  launcher: 'Fragen? Chatten Sie mit uns', title: 'Willkommensschalter', close: 'Chat schließen', language: 'Sprache', newChat: 'Neues Gespräch',
  intro: 'Hallo! Ich helfe Ihnen bei der Anmeldung in der Gemeinde, Wohnen, Krankenkasse, Sprachkursen, Arbeit und Integration. Was möchten Sie wissen?',
  topics: 'Häufige Themen',
  chipRegister: 'Anmelden', chipHousing: 'Wohnen', chipHealth: 'Krankenkasse', chipCourses: 'Sprachkurse', chipWork: 'Arbeit',
  askRegister: 'Wie melde ich mich in der Gemeinde an?', askHousing: 'Wie finde ich eine Wohnung?', askHealth: 'Wie werde ich Mitglied einer Krankenkasse?',
  askCourses: 'Wo kann ich einen Sprachkurs machen?', askWork: 'Wie finde ich Arbeit?',
  inputLabel: 'Ihre Frage', placeholder: 'Schreiben Sie Ihre Frage…', send: 'Senden', you: 'Sie', assistant: 'Assistent',
  writing: 'Antwort wird geschrieben…', queued: 'Warten auf Verbindung. Die Nachricht wird automatisch gesendet.', offline: 'Verbindung unterbrochen. Neuer Versuch…',
  error: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  helpful: 'War das hilfreich?', yes: 'Ja', no: 'Nein', thanks: 'Danke für Ihre Rückmeldung.', sources: 'Quellen',
  call: 'Anrufen', email: 'E-Mail', website: 'Webseite', map: 'Karte', emergency: 'Notrufnummern', more: 'Alle Schritte zeigen',
  person: 'Mit einem Menschen sprechen', contact: 'Ihre Telefonnummer oder E-Mail (freiwillig)', request: 'Anfrage senden', cancel: 'Abbrechen',
  remember: 'Dieses Gespräch auf diesem Gerät speichern',
  clerk: 'Gemeinde', humanJoined: 'Eine Person aus der Gemeinde antwortet Ihnen jetzt hier.', humanClosed: 'Die Gemeinde hat dieses Gespräch beendet. Sie können wieder den Assistenten fragen.',
};

export const AR: UiStrings = {
  launcher: 'لديك أسئلة؟ تحدّث معنا', title: 'مكتب الاستقبال', close: 'إغلاق المحادثة', language: 'اللغة', newChat: 'محادثة جديدة',
  intro: 'مرحبًا! يمكنني مساعدتك في التسجيل في البلدية، والسكن، وصندوق التأمين الصحي، ودروس اللغة، والعمل، والاندماج. ماذا تريد أن تعرف؟',
  topics: 'مواضيع شائعة',
  chipRegister: 'التسجيل', chipHousing: 'السكن', chipHealth: 'التأمين الصحي', chipCourses: 'دروس اللغة', chipWork: 'العمل',
  askRegister: 'كيف أسجل في البلدية؟', askHousing: 'كيف أجد مكانًا للسكن؟', askHealth: 'كيف أنضم إلى صندوق التأمين الصحي؟',
  askCourses: 'أين يمكنني أن أدرس اللغة؟', askWork: 'كيف أجد عملًا؟',
  inputLabel: 'سؤالك', placeholder: 'اكتب سؤالك…', send: 'إرسال', you: 'أنت', assistant: 'المساعد',
  writing: 'جارٍ كتابة الإجابة…', queued: 'في انتظار الاتصال. ستُرسل الرسالة تلقائيًا.', offline: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
  error: 'حدث خطأ. يرجى المحاولة مرة أخرى.',
  helpful: 'هل كان هذا مفيدًا؟', yes: 'نعم', no: 'لا', thanks: 'شكرًا على رأيك.', sources: 'المصادر',
  call: 'اتصال', email: 'بريد إلكتروني', website: 'الموقع', map: 'الخريطة', emergency: 'أرقام الطوارئ', more: 'عرض كل الخطوات',
  person: 'التحدث مع شخص', contact: 'رقم هاتفك أو بريدك الإلكتروني (اختياري)', request: 'إرسال الطلب', cancel: 'إلغاء',
  remember: 'تذكّر هذه المحادثة على هذا الجهاز',
  clerk: 'البلدية', humanJoined: 'يجيبك الآن شخص من البلدية هنا.', humanClosed: 'أغلقت البلدية هذه المحادثة. يمكنك سؤال المساعد مرة أخرى.',
};

export const TR: UiStrings = {
  launcher: 'Sorunuz mu var? Bizimle yazışın', title: 'Karşılama Masası', close: 'Sohbeti kapat', language: 'Dil', newChat: 'Yeni sohbet',
  intro: 'Merhaba! Belediyeye kayıt, konut, sağlık sigortası fonu, dil kursları, iş ve uyum konularında size yardımcı olabilirim. Ne öğrenmek istersiniz?',
  topics: 'Sık sorulan konular',
  chipRegister: 'Kayıt', chipHousing: 'Konut', chipHealth: 'Sağlık sigortası', chipCourses: 'Dil kursları', chipWork: 'İş',
  askRegister: 'Belediyeye nasıl kayıt olurum?', askHousing: 'Nasıl ev bulabilirim?', askHealth: 'Bir sağlık sigortası fonuna nasıl üye olurum?',
  askCourses: 'Nerede dil kursuna gidebilirim?', askWork: 'Nasıl iş bulabilirim?',
  inputLabel: 'Sorunuz', placeholder: 'Sorunuzu yazın…', send: 'Gönder', you: 'Siz', assistant: 'Asistan',
  writing: 'Yanıt yazılıyor…', queued: 'Bağlantı bekleniyor. Mesaj otomatik olarak gönderilecek.', offline: 'Bağlantı koptu. Yeniden bağlanılıyor…',
  error: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
  helpful: 'Bu yardımcı oldu mu?', yes: 'Evet', no: 'Hayır', thanks: 'Geri bildiriminiz için teşekkürler.', sources: 'Kaynaklar',
  call: 'Ara', email: 'E-posta', website: 'Web sitesi', map: 'Harita', emergency: 'Acil numaralar', more: 'Tüm adımları göster',
  person: 'Bir kişiyle konuşun', contact: 'Telefon numaranız veya e-postanız (isteğe bağlı)', request: 'Talebi gönder', cancel: 'İptal',
  remember: 'Bu sohbeti bu cihazda hatırla',
  clerk: 'Belediye', humanJoined: 'Belediyeden bir görevli size şimdi burada cevap veriyor.', humanClosed: 'Belediye bu görüşmeyi kapattı. Asistana yeniden soru sorabilirsiniz.',
};

export const UK: UiStrings = {
  launcher: 'Є запитання? Напишіть нам', title: 'Служба привітання', close: 'Закрити чат', language: 'Мова', newChat: 'Нова розмова',
  intro: 'Вітаю! Я можу допомогти з реєстрацією в громаді, житлом, лікарняною касою, мовними курсами, роботою та інтеграцією. Що ви хочете дізнатися?',
  topics: 'Популярні теми',
  chipRegister: 'Реєстрація', chipHousing: 'Житло', chipHealth: 'Лікарняна каса', chipCourses: 'Мовні курси', chipWork: 'Робота',
  askRegister: 'Як зареєструватися в громаді?', askHousing: 'Як знайти житло?', askHealth: 'Як вступити до лікарняної каси?',
  askCourses: 'Де я можу пройти мовний курс?', askWork: 'Як знайти роботу?',
  inputLabel: 'Ваше запитання', placeholder: 'Напишіть своє запитання…', send: 'Надіслати', you: 'Ви', assistant: 'Помічник',
  writing: 'Пишу відповідь…', queued: 'Очікування з’єднання. Повідомлення буде надіслано автоматично.', offline: 'З’єднання втрачено. Повторне підключення…',
  error: 'Щось пішло не так. Спробуйте ще раз.',
  helpful: 'Чи це було корисно?', yes: 'Так', no: 'Ні', thanks: 'Дякуємо за відгук.', sources: 'Джерела',
  call: 'Зателефонувати', email: 'Ел. пошта', website: 'Вебсайт', map: 'Мапа', emergency: 'Екстрені номери', more: 'Показати всі кроки',
  person: 'Поговорити з людиною', contact: 'Ваш телефон або ел. пошта (необов’язково)', request: 'Надіслати запит', cancel: 'Скасувати',
  remember: 'Запам’ятати цю розмову на цьому пристрої',
  clerk: 'Громада', humanJoined: 'Вам тепер відповідає працівник громади.', humanClosed: 'Громада завершила цю розмову. Ви можете знову питати асистента.',
};

export const RU: UiStrings = {
  launcher: 'Есть вопросы? Напишите нам', title: 'Служба приёма', close: 'Закрыть чат', language: 'Язык', newChat: 'Новый разговор',
  intro: 'Здравствуйте! Я могу помочь с регистрацией в коммуне, жильём, больничной кассой, языковыми курсами, работой и интеграцией. Что вы хотите узнать?',
  topics: 'Популярные темы',
  chipRegister: 'Регистрация', chipHousing: 'Жильё', chipHealth: 'Больничная касса', chipCourses: 'Языковые курсы', chipWork: 'Работа',
  askRegister: 'Как зарегистрироваться в коммуне?', askHousing: 'Как найти жильё?', askHealth: 'Как вступить в больничную кассу?',
  askCourses: 'Где можно пройти языковой курс?', askWork: 'Как найти работу?',
  inputLabel: 'Ваш вопрос', placeholder: 'Напишите свой вопрос…', send: 'Отправить', you: 'Вы', assistant: 'Помощник',
  writing: 'Пишу ответ…', queued: 'Ожидание соединения. Сообщение будет отправлено автоматически.', offline: 'Соединение потеряно. Переподключение…',
  error: 'Что-то пошло не так. Попробуйте ещё раз.',
  helpful: 'Это было полезно?', yes: 'Да', no: 'Нет', thanks: 'Спасибо за отзыв.', sources: 'Источники',
  call: 'Позвонить', email: 'Эл. почта', website: 'Сайт', map: 'Карта', emergency: 'Экстренные номера', more: 'Показать все шаги',
  person: 'Поговорить с человеком', contact: 'Ваш телефон или эл. почта (необязательно)', request: 'Отправить запрос', cancel: 'Отмена',
  remember: 'Запомнить этот разговор на этом устройстве',
  clerk: 'Коммуна', humanJoined: 'Вам теперь отвечает сотрудник коммуны.', humanClosed: 'Коммуна завершила этот разговор. Вы снова можете задавать вопросы ассистенту.',
};
