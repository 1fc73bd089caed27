/** MQTT topic filters (`+` one level, `#` the rest), as adapter definitions declare them. */

/** True when `topic` matches the MQTT `filter`, e.g. `tele/+/SENSOR` matches `tele/uv_lamp_1/SENSOR`. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    const level = f[i];
    if (level === '#') return i < t.length || (i === t.length && i > 0);
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}
