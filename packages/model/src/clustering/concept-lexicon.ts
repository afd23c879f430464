import { foldAccents } from './tokenize.ts';

/**
 * A small multilingual lexicon of innovation, government and collaboration vocabulary
 * (English, Spanish, French). Words that mean the same thing in different languages map
 * to one concept token, so "financement", "presupuesto" and "funding" can meet.
 * A trailing `*` matches any word starting with it (at least 4 letters before the `*`).
 * General vocabulary only: tuned to no particular workshop.
 */
const CONCEPTS: Record<string, string> = {
  money: 'money fund* financ* budget* presupuest* dinero argent fonds cost* coste* cout* invest* inversion* subsid* subvenc* grant* spend* gasto* depens* funding',
  data: 'data datos dato donnee* dataset* informacion information* statist* estadist*',
  learning: 'learn* lesson* aprend* apprend* feedback retroaliment* evalua* evaluer retrospect* knowledge conocimient* connaissance* insight* reflexion*',
  failure: 'fail* fracas* echec* echou* rate ratee* mistake* error* erreur* equivoc*',
  openness: 'shar* compart* partag* publish* publicar publicad* publier publie publies publication* open* abiert* ouvert* transparen* reus* reutilis* reutiliz* library librar* bibliotec* biblioth* repositor*',
  culture: 'cultur* norm* mindset* mentalid* mentalite* attitud* behavio* comportement* comportamient* habit* tradition*',
  risk: 'risk* riesgo* risque* fear* miedo* peur afraid danger* threat* amenaz* menace* uncertain* incertid* incertitud*',
  rules: 'law laws legal* legisl* juridi* ley leyes loi lois regulat* regula* reglement* procurement contrat* contract* lawyer* abogad* avocat* rule rules regla* regle* complian* cumplimient* jurisdic* bureaucra* burocra*',
  platform: 'platform* plataform* plateform* infrastruct* infraestruct* digital* numeri* testbed* sandbox* tool tools herramient* outil* system* sistem* systeme* interoperab* foundation* technolog* tecnolog*',
  network: 'network* red redes reseau* communit* comunidad* communaute* group* grupo* groupe* practitioner* peer peers pares ecosystem* ecosistem* connect* conect* alliance* alianza*',
  collaboration: 'collabor* colabor* cooperat* cooper* partner* socio socios partenair* partenariat* together juntos ensemble joint conjunt* transfront* transfronteri* international* internacional*',
  scale: 'scal* escal* echelle* grow* crec* croissance expand* expan* replicat* replic* mainstream*',
  speed: 'fast* quick* rapid* velocid* vitesse accelerat* aceler* slow* lent* lenteur delay* retras* retard* days dias jours month* mes mois week* semana* semaine*',
  government: 'govern* gobiern* gouvern* administr* ministr* ministe* council* municip* ayuntamient* mairie* city cities ciudad* ville villes region* state states estado* etat etats department* departament* agenc* agenci*',
  innovation: 'innov* idea ideas idee idees ideation new nuev* nouve* creativ*',
  skills: 'train* formacion* formation* capacit* capab* skill* competenc* staff* personal personnel* talent* role roles employe* emplead* funcionari* fonctionnair* official* mentor* coach*',
  experiment: 'pilot* piloto* experiment* experimen* experienc* trial* prueba* essai* prototyp* test tests testing ensayo*',
  schedule: 'time times tiempo* temps schedul* horario* calendar* calendrier* session* sesion* meeting* reunion* live event* evento* evenement* zone zones agenda* hour* hora* heure*',
  impact: 'impact* measur* medir medicion* mesur* indicat* indicador* outcome* result* resultado* resultat* evidence* evidencia* preuve*',
  governance: 'governance gobernanz* gouvernance* charter* carta charte* responsib* responsabilid* responsabilit* accountab* owner* mandat* leadership lider*',
  equity: 'citizen* ciudadan* citoyen* equit* equidad* inclus* social* vulnerable* divers*',
  sustainability: 'sustainab* sostenib* durab* climat* clima environment* ambiental* environnement* green verde vert',
  mobility: 'mobil* movilid* transport*',
};

const MIN_PREFIX = 4;
const exact = new Map<string, string>();
const prefixes = new Map<string, string>();
for (const [concept, list] of Object.entries(CONCEPTS)) {
  for (const entry of list.split(/\s+/)) {
    const folded = foldAccents(entry);
    if (folded.endsWith('*')) prefixes.set(folded.slice(0, -1), concept);
    else exact.set(folded, concept);
  }
}

/** The concept of a lowercase, accent-stripped word, or null. Longest matching prefix wins. */
export function conceptOf(word: string): string | null {
  const hit = exact.get(word);
  if (hit) return hit;
  for (let n = word.length; n >= MIN_PREFIX; n--) {
    const c = prefixes.get(word.slice(0, n));
    if (c) return c;
  }
  return null;
}

export const CONCEPT_NAMES: readonly string[] = Object.keys(CONCEPTS);
