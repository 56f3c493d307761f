/**
 * A minimal Prometheus registry: counters, gauges and histograms rendered in
 * the text exposition format (version 0.0.4). Kept in-process because every
 * instance reports its own sockets and rooms; a scraper sums across instances.
 */

type Labels = Record<string, string>;

function labelKey(labels: Labels | undefined): string {
	if (!labels) return '';
	const parts = Object.keys(labels)
		.sort()
		.map(
			(k) => `${k}="${labels[k].replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
		);
	return parts.length ? `{${parts.join(',')}}` : '';
}

interface Metric {
	render(): string;
}

export class Counter implements Metric {
	private values = new Map<string, number>();
	readonly name: string;
	readonly help: string;
	constructor(name: string, help: string) {
		this.name = name;
		this.help = help;
	}
	inc(amount = 1, labels?: Labels): void {
		const key = labelKey(labels);
		this.values.set(key, (this.values.get(key) ?? 0) + amount);
	}
	get(labels?: Labels): number {
		return this.values.get(labelKey(labels)) ?? 0;
	}
	render(): string {
		const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
		if (this.values.size === 0) lines.push(`${this.name} 0`);
		for (const [key, value] of this.values) lines.push(`${this.name}${key} ${value}`);
		return lines.join('\n');
	}
}

export class Gauge implements Metric {
	private read: () => number;
	readonly name: string;
	readonly help: string;
	constructor(name: string, help: string, read: () => number) {
		this.name = name;
		this.help = help;
		this.read = read;
	}
	render(): string {
		return [
			`# HELP ${this.name} ${this.help}`,
			`# TYPE ${this.name} gauge`,
			`${this.name} ${this.read()}`
		].join('\n');
	}
}

export class Histogram implements Metric {
	private counts: number[];
	private sum = 0;
	private count = 0;
	readonly name: string;
	readonly help: string;
	readonly buckets: number[];
	constructor(name: string, help: string, buckets: number[]) {
		this.name = name;
		this.help = help;
		this.buckets = [...buckets].sort((a, b) => a - b);
		this.counts = this.buckets.map(() => 0);
	}
	observe(value: number): void {
		this.sum += value;
		this.count++;
		for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) this.counts[i]++;
	}
	render(): string {
		const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
		this.buckets.forEach((le, i) =>
			lines.push(`${this.name}_bucket{le="${le}"} ${this.counts[i]}`)
		);
		lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`);
		lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
		return lines.join('\n');
	}
}

export class Registry {
	private metrics: Metric[] = [];
	counter(name: string, help: string): Counter {
		return this.add(new Counter(name, help));
	}
	gauge(name: string, help: string, read: () => number): Gauge {
		return this.add(new Gauge(name, help, read));
	}
	histogram(name: string, help: string, buckets: number[]): Histogram {
		return this.add(new Histogram(name, help, buckets));
	}
	/** A constant series whose labels describe this process (Prometheus "info" style). */
	info(name: string, help: string, labels: Labels): void {
		const line = `${name}${labelKey(labels)} 1`;
		this.add({ render: () => [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, line].join('\n') });
	}
	render(): string {
		return this.metrics.map((m) => m.render()).join('\n') + '\n';
	}
	private add<T extends Metric>(metric: T): T {
		this.metrics.push(metric);
		return metric;
	}
}
