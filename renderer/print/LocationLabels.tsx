import type { Location } from '../../shared/domain/location';
import { locationCheckDigits } from '../../shared/scan/location-check';

// Every location's check digits on paper (shared/scan/location-check.ts), for whoever makes or
// checks the shelf labels: the digits go on each location's label, next to its code and barcode.
// Pickers type them after a location's code when its label will not scan.
export const LocationLabels = ({
  locations,
  printedAt,
}: {
  locations: readonly Location[];
  printedAt: string;
}) => (
  <article className="location-labels" aria-label="Location check digits">
    <h1>Location check digits</h1>
    <p>
      {locations.length} {locations.length === 1 ? 'location' : 'locations'} · printed {printedAt}.
      Typed by hand, a location is its code and these two digits: &quot;A1-01 56&quot;.
    </p>
    <table aria-label="Locations">
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col">Check digits</th>
          <th scope="col">Zone</th>
          <th scope="col" className="num">
            Aisle
          </th>
          <th scope="col" className="num">
            Level
          </th>
        </tr>
      </thead>
      <tbody>
        {locations.map((l) => (
          <tr key={l.id} aria-label={l.code}>
            <td>{l.code}</td>
            <td className="check-digits">{locationCheckDigits(l.code)}</td>
            <td>{l.zone}</td>
            <td className="num">{l.aisle}</td>
            <td className="num">{l.level}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </article>
);
