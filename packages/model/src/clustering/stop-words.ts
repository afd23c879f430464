/**
 * Function words of English, Spanish and French, accent-stripped and lowercase. One set for
 * all three: a note's language is often mixed or too short to tell, and removing a French
 * article from an English note costs nothing.
 */
const EN = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even ever every few for from further
had has have having he her here hers him his how i if in into is it its itself just let like may me might more
most much must my no nor not now of off on once one only or other our ours out over own same shall she should
so some such than that the their theirs them then there these they this those through thus to too under until
up upon us very was we were what when where which while who whom why will with within without would yet you your
get gets got make makes made keep keeps kept seen still quietly rather whole already
something everything nothing anything someone everyone nobody anybody never always often across around`;
const ES = `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas
ellos en entre era es esa ese eso esta este esto estos estas fue ha han hasta hay la las le les lo los mas me
mi muy nada ni no nos o otra otro para pero poco por porque que quien se ser si sin sobre son su sus tambien
tan te tiene todo todos tu un una uno unos y ya cada`;
const FR = `a au aucun aucune aussi autre aux avec avoir c ce ceci cela ces cet cette chaque comme d dans de des
du elle elles en est et etre eu il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni
nos notre nous on ont ou par pas pour qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tous
tout tres tu un une vos votre vous y`;

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export const STOP_WORDS_BY_LANGUAGE = {
  en: new Set(words(EN)),
  es: new Set(words(ES)),
  fr: new Set(words(FR)),
} as const;
export type ClusteringLanguage = keyof typeof STOP_WORDS_BY_LANGUAGE;

export const STOP_WORDS: ReadonlySet<string> = new Set([...words(EN), ...words(ES), ...words(FR)]);
